package org.switchboard.portal.plugin;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.switchboard.plugin.api.PluginContext;

/**
 * The host's {@link PluginContext}: one per loaded plugin, kept for as long as the plugin is loaded, because the
 * plugin object holds it across stops and starts. Stopping the plugin swaps in a fresh scheduler, which cancels the
 * plugin's tasks and leaves a working one for its next start.
 */
final class HostPluginContext implements PluginContext {

    private final String pluginId;
    private final String pluginVersion;
    private final System.Logger logger;
    private final Clock clock;
    private final HttpClient httpClient;
    private final Path dataDirectory;
    private volatile ScheduledThreadPoolExecutor scheduler;

    HostPluginContext(String pluginId, String pluginVersion, System.Logger logger, Clock clock, HttpClient httpClient,
            Path dataDirectory) {
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        this.logger = logger;
        this.clock = clock;
        this.httpClient = httpClient;
        this.dataDirectory = dataDirectory;
        this.scheduler = newScheduler(pluginId);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return pluginVersion;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public HttpClient httpClient() {
        return httpClient;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Cancels the plugin's tasks (it stopped); its next start gets a fresh scheduler. */
    void cancelTasks() {
        ScheduledThreadPoolExecutor stopped = scheduler;
        scheduler = newScheduler(pluginId);
        stopped.shutdownNow();
    }

    /** Cancels the plugin's tasks for good (it is unloaded). */
    void close() {
        scheduler.shutdownNow();
    }

    private static ScheduledThreadPoolExecutor newScheduler(String pluginId) {
        var scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("plugin-" + pluginId + "-", 0)
                .factory());
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
