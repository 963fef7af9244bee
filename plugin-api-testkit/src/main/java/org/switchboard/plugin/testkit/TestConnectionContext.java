package org.switchboard.plugin.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.HistoryEntry;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundSink;
import org.switchboard.plugin.api.channel.MessageHistory;
import org.switchboard.plugin.api.config.ChannelConfig;

/**
 * The host's side of a connection in a test: the account's configuration and webhook URL, a sink that records
 * what the connection pushes (events outside webhooks, e.g. polled email), and a settable history.
 */
public final class TestConnectionContext implements ConnectionContext {

    private final String accountId;
    private final ChannelConfig config;
    private final URI webhookUrl;
    private final PluginContext plugin;
    private final List<InboundEvent> pushed = new CopyOnWriteArrayList<>();
    private final List<HistoryEntry> history = new CopyOnWriteArrayList<>();
    private volatile RuntimeException sinkFailure;

    /**
     * A context for one account.
     *
     * @param config     the account's configuration (secrets in clear, as the host decrypts them)
     * @param webhookUrl the public URL the host gives the account, e.g. {@code https://portal.example/hooks/a1}
     * @param plugin     the plugin's context
     */
    public TestConnectionContext(Map<String, String> config, URI webhookUrl, PluginContext plugin) {
        this.accountId = "test-account";
        this.config = new ChannelConfig(config);
        this.webhookUrl = webhookUrl;
        this.plugin = plugin;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public URI webhookUrl() {
        return webhookUrl;
    }

    @Override
    public InboundSink sink() {
        return events -> {
            RuntimeException failure = sinkFailure;
            if (failure != null) {
                throw failure;
            }
            pushed.addAll(events);
        };
    }

    /** Makes the sink throw {@code failure} (a database that went away), or accept again with {@code null}. */
    public void failSinkWith(RuntimeException failure) {
        this.sinkFailure = failure;
    }

    @Override
    public MessageHistory history() {
        return (Identity identity, int limit) -> {
            List<HistoryEntry> all = new ArrayList<>(history);
            return all.subList(Math.max(0, all.size() - limit), all.size());
        };
    }

    /** Adds an entry to the history the connection sees. */
    public void addHistory(HistoryEntry entry) {
        history.add(entry);
    }

    @Override
    public PluginContext plugin() {
        return plugin;
    }

    /** Everything the connection pushed to the sink so far. */
    public List<InboundEvent> pushed() {
        return List.copyOf(pushed);
    }

    /** Waits until the sink holds at least {@code count} events, failing the test after {@code timeout}. */
    public List<InboundEvent> awaitPushed(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pushed.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " events pushed within " + timeout + ", got "
                        + pushed.size() + ": " + pushed);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return pushed();
    }
}
