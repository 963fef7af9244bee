package org.switchboard.portal.plugin;

/** Told before a plugin stops, so what uses its extensions (open connections) can let go of them. */
public interface PluginStopListener {

    void pluginStopping(String pluginId);
}
