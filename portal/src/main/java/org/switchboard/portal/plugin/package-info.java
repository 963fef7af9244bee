/**
 * The plugin host and its administration: loads PF4J plugin JARs, isolates broken ones, hands out live extensions;
 * installs, upgrades, enables, disables and uninstalls plugins at runtime for admins.
 *
 * <p>Owns the plugins directory (with PF4J's {@code disabled.txt}, {@code .staging/}, {@code .previous/} and
 * {@code rejected/}), the PF4J plugin manager and each plugin's context. Other features ask
 * {@link org.switchboard.portal.plugin.PluginHost} for extensions on every use (never cache them), so stopping or
 * unloading a plugin takes effect at once. Admin actions go through
 * {@link org.switchboard.portal.plugin.PluginAdministration}, which checks roles and passwords and audits.
 */
package org.switchboard.portal.plugin;
