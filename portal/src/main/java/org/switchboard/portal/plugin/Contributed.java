package org.switchboard.portal.plugin;

/**
 * An extension together with the plugin that contributed it.
 *
 * @param pluginId  the contributing plugin
 * @param extension the extension instance
 * @param <T>       the extension point
 */
public record Contributed<T>(String pluginId, T extension) {
}
