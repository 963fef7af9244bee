package org.switchboard.plugins.webchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundSink;
import org.switchboard.plugin.api.channel.MessageHistory;
import org.switchboard.plugin.api.config.ChannelConfig;

/**
 * What the host gives a connection, reduced to what the web chat uses: its config, its history and a clock. The
 * services the channel must not need (sink, HTTP client, scheduler, data directory) throw, so a test fails if the
 * plugin starts relying on them.
 */
record FakeConnectionContext(ChannelConfig config, MessageHistory history, Clock clock)
        implements ConnectionContext, PluginContext {

    FakeConnectionContext(Map<String, String> config, MessageHistory history, Clock clock) {
        this(new ChannelConfig(config), history, clock);
    }

    @Override
    public String accountId() {
        return "acc-1";
    }

    @Override
    public URI webhookUrl() {
        return URI.create("https://portal.example.com/hooks/acc-1");
    }

    @Override
    public InboundSink sink() {
        return (List<? extends InboundEvent> events) -> {
            throw new UnsupportedOperationException("web chat answers through webhooks only");
        };
    }

    @Override
    public PluginContext plugin() {
        return this;
    }

    @Override
    public String pluginId() {
        return "channel-webchat";
    }

    @Override
    public String pluginVersion() {
        return "0.1.0";
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("channel-webchat");
    }

    @Override
    public HttpClient httpClient() {
        throw new UnsupportedOperationException("web chat calls no provider");
    }

    @Override
    public ScheduledExecutorService scheduler() {
        throw new UnsupportedOperationException("web chat runs nothing in the background");
    }

    @Override
    public Path dataDirectory() {
        throw new UnsupportedOperationException("web chat keeps no files");
    }
}
