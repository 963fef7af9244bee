package org.switchboard.portal.plugin;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.plugin.api.PluginContext;

/** The host's {@link PluginContext}: one per loaded plugin, its scheduler shut down when the plugin stops. */
record HostPluginContext(
        String pluginId, String pluginVersion, System.Logger logger, Clock clock, HttpClient httpClient,
        ScheduledExecutorService scheduler, Path dataDirectory) implements PluginContext {
}
