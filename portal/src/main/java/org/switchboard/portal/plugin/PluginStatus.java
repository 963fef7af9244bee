package org.switchboard.portal.plugin;

import java.util.List;

/**
 * What an admin sees of one plugin.
 *
 * @param id          the plugin id (or the file name when the JAR could not even be read)
 * @param version     its version, or empty
 * @param provider    who published it
 * @param license     its license
 * @param requires    the plugin-api range it requires
 * @param state       STARTED, STOPPED, DISABLED, FAILED, …
 * @param problem     why it is not running, or {@code null}
 * @param extensions  the extension classes it contributes
 * @param file        the JAR's file name
 */
public record PluginStatus(
        String id, String version, String provider, String license, String requires, String state, String problem,
        List<String> extensions, String file) {

    public boolean running() {
        return "STARTED".equals(state);
    }
}
