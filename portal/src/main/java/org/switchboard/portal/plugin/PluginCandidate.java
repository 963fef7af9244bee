package org.switchboard.portal.plugin;

import java.util.List;

/**
 * A plugin JAR looked at before it is installed: what it is, whether it may be installed, and how it compares with
 * the installed version of the same plugin.
 *
 * @param id               its {@code Plugin-Id}
 * @param version          its {@code Plugin-Version}
 * @param description      its {@code Plugin-Description}, or empty
 * @param provider         its {@code Plugin-Provider}, or empty
 * @param license          its {@code Plugin-License}, or empty
 * @param requires         its {@code Plugin-Requires}
 * @param dependencies     its {@code Plugin-Dependencies}, or empty
 * @param sha256           the SHA-256 of the JAR
 * @param signature        what the signature check found
 * @param installedVersion the version of the installed plugin with this id, or {@code null} for a new plugin
 * @param comparison       this version compared with the installed one (negative: older, 0: same, positive:
 *                         newer); 1 for a new plugin
 * @param problems         why it cannot be installed; empty when it can
 */
public record PluginCandidate(String id, String version, String description, String provider, String license,
        String requires, String dependencies, String sha256, SignatureCheck signature, String installedVersion,
        int comparison, List<String> problems) {

    public boolean upgrade() {
        return installedVersion != null;
    }

    /** Whether installing it would replace the installed plugin with an older or the same version. */
    public boolean notNewer() {
        return upgrade() && comparison <= 0;
    }

    /** @throws PluginRefusedException with every problem when it cannot be installed */
    void requireAcceptable() {
        if (!problems.isEmpty()) {
            throw new PluginRefusedException("Plugin " + id + " " + version + " is refused: "
                    + String.join("; ", problems));
        }
    }
}
