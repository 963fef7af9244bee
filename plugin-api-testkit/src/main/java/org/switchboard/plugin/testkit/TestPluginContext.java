package org.switchboard.plugin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.plugin.api.PluginContext;

/**
 * The host's {@link PluginContext} for a test: a real HTTP client, a real scheduler, a temporary data directory.
 * Close it to stop the scheduler.
 */
public final class TestPluginContext implements PluginContext, AutoCloseable {

    private final String pluginId;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Path dataDirectory;

    /** A context for {@code pluginId} with the system clock. */
    public TestPluginContext(String pluginId) {
        this(pluginId, Clock.systemUTC());
    }

    /** A context for {@code pluginId} with the given clock. */
    public TestPluginContext(String pluginId, Clock clock) {
        this.pluginId = pluginId;
        this.clock = clock;
        try {
            this.dataDirectory = Files.createTempDirectory("plugin-" + pluginId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return "0.0.0-test";
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("plugin." + pluginId);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public HttpClient httpClient() {
        return http;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
