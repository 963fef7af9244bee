package org.switchboard.plugin.api;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the host gives a plugin: its identity and the few services a plugin may use instead of bringing its own.
 *
 * <p>The host creates one context per plugin and passes it to the constructor of a {@link SwitchboardPlugin}
 * and to every connection through {@link org.switchboard.plugin.api.channel.ConnectionContext#plugin()}.
 *
 * @since 0.1.0
 */
public interface PluginContext {

    /** The plugin's id from its manifest ({@code Plugin-Id}). */
    String pluginId();

    /** The plugin's version from its manifest. */
    String pluginVersion();

    /** A logger named after the plugin; messages appear in the portal's log. */
    System.Logger logger();

    /** The clock to use for timestamps, so tests can control time. */
    Clock clock();

    /** A shared HTTP client for calling providers. */
    HttpClient httpClient();

    /**
     * A scheduler for the plugin's background work (polling, timers). Tasks are cancelled when the plugin stops;
     * a task that throws is logged and does not affect other plugins.
     */
    ScheduledExecutorService scheduler();

    /** A private directory the plugin may write to; it survives restarts and upgrades. */
    Path dataDirectory();
}
