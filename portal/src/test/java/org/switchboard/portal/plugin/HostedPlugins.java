package org.switchboard.portal.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundSink;
import org.switchboard.plugin.api.channel.MessageHistory;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.portal.TestData;

/**
 * A plugins directory under {@code target/test-data} and the hosts started on it, without Spring: what a plugin host
 * test sets up and tears down.
 */
final class HostedPlugins implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(2);

    private final Path root = TestData.newDirectory().root();
    private final List<PluginHost> hosts = new ArrayList<>();

    /** Where the host loads plugin JARs from. */
    Path directory() {
        return root.resolve("plugins");
    }

    /** Copies built plugin JARs into the plugins directory. */
    HostedPlugins with(Path... jars) {
        try {
            Files.createDirectories(directory());
            for (Path jar : jars) {
                Files.copy(jar, directory().resolve(jar.getFileName()));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A host on the directory, as the portal creates it but without bundled plugins; stopped by {@link #close}. */
    PluginHost startHost() {
        try {
            PluginHost host = new PluginHost(
                    new PluginProperties(directory(), false, START_TIMEOUT, root.resolve("plugin-data")),
                    Clock.systemUTC(), new BundledPluginInstaller());
            hosts.add(host);
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a connection of a connector as the portal would, with what the host gives the plugin. */
    static ChannelConnection open(PluginHost host, Contributed<ChannelConnector> connector, Map<String, String> config,
            List<InboundEvent> sink) throws ChannelException {
        return connector.extension().open(new TestConnectionContext("account-1", new ChannelConfig(config),
                URI.create("http://localhost/hooks/account-1"), sink::addAll, (identity, limit) -> List.of(),
                host.context(connector.pluginId())));
    }

    static List<InboundEvent> sink() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void close() {
        hosts.forEach(PluginHost::destroy);
    }

    private record TestConnectionContext(String accountId, ChannelConfig config, URI webhookUrl, InboundSink sink,
            MessageHistory history, PluginContext plugin) implements ConnectionContext {
    }
}
