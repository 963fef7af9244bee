package org.switchboard.portal.plugin;

import java.util.List;

/**
 * What an admin sees of one plugin.
 *
 * @param id           the plugin id (or the file name when the JAR could not even be read)
 * @param version      its version, or empty
 * @param provider     who published it
 * @param license      its license
 * @param requires     the plugin-api range it requires
 * @param state        STARTED, STOPPED, DISABLED, FAILED, …
 * @param problem      why it is not running, or {@code null}
 * @param extensions   the extension classes it contributes
 * @param file         the JAR's file name
 * @param description  its description, or empty
 * @param dependencies the plugins it needs ({@code Plugin-Dependencies}), or empty
 * @param stackTrace   the stack trace of its failure, or {@code null}
 * @param sha256       the SHA-256 of its JAR, or empty when unreadable
 * @param signature    what the signature check found
 * @param connectors   ids of the channel connectors it contributes (as last seen running)
 * @param models       ids of the AI classifiers and assistants it contributes, with their model (as last seen running)
 * @param loaded       whether PF4J loaded it; {@code false} for a JAR that could not be loaded at all
 */
public record PluginStatus(
        String id, String version, String provider, String license, String requires, String state, String problem,
        List<String> extensions, String file, String description, String dependencies, String stackTrace,
        String sha256, SignatureCheck signature, List<String> connectors, List<String> models, boolean loaded) {

    public boolean running() {
        return "STARTED".equals(state);
    }

    /** Disabled by an admin (or never enabled after an upload): needs an explicit enable. */
    public boolean disabled() {
        return "DISABLED".equals(state);
    }

    /** Could not be loaded at all (unreadable, refused, missing dependency): it can only be uninstalled. */
    public boolean loadFailed() {
        return !loaded;
    }
}
