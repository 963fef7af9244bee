package org.switchboard.portal.plugin;

/** Told before a plugin stops, so what uses its extensions (open connections) can let go of them. */
public interface PluginStopListener {

    /** Called before the plugin stops, while its extensions still work. */
    void pluginStopping(String pluginId);

    /** Called after the plugin stopped (or failed to stop), on the same thread as {@link #pluginStopping}. */
    default void pluginStopped(String pluginId) {
    }

    /** Listeners with a lower order are told first (e.g. to finish sends before connections close). */
    default int order() {
        return 0;
    }
}
