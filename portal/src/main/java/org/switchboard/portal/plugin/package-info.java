/**
 * The plugin host: loads PF4J plugin JARs, isolates broken ones, hands out live extensions.
 *
 * <p>Owns the plugins directory, the PF4J plugin manager and each plugin's context. Other features ask
 * {@link org.switchboard.portal.plugin.PluginHost} for extensions on every use (never cache them), so stopping or
 * unloading a plugin takes effect at once.
 */
package org.switchboard.portal.plugin;
