package org.switchboard.portal.plugin;

/**
 * An uploaded plugin JAR that passed every check and waits for the admin's decision (install, or upgrade with their
 * password). The JAR itself stays on the server; the token names it.
 *
 * @param token     names the staged file
 * @param fileName  the uploaded file's name
 * @param candidate what the JAR is and how it compares with the installed version
 */
public record StagedPlugin(String token, String fileName, PluginCandidate candidate) {
}
