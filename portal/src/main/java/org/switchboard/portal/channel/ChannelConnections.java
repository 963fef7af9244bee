package org.switchboard.portal.channel;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.InboundSink;
import org.switchboard.plugin.api.channel.MessageHistory;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.portal.plugin.Contributed;
import org.switchboard.portal.plugin.PluginHost;

/**
 * The open connection of every channel account in use, opened on first use and closed before its plugin stops.
 */
@Service
public class ChannelConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChannelConnections.class);

    private final ChannelAccounts accounts;
    private final PluginHost plugins;
    private final PublicUrlProperties urls;
    private final ObjectProvider<InboundEventStore> store;
    private final StoreMessageHistory.Factory histories;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    private record Open(String pluginId, ChannelDescriptor descriptor, ChannelConnection connection) {
    }

    ChannelConnections(ChannelAccounts accounts, PluginHost plugins, PublicUrlProperties urls,
            ObjectProvider<InboundEventStore> store, StoreMessageHistory.Factory histories) {
        this.accounts = accounts;
        this.plugins = plugins;
        this.urls = urls;
        this.store = store;
        this.histories = histories;
        plugins.addStopListener(this::closeAllOf);
    }

    /**
     * The connection of an account.
     *
     * @throws UnknownChannelAccountException if there is no such account
     * @throws ChannelUnavailableException    if it is disabled, its connector's plugin is not running, or opening
     *                                        failed
     */
    public ChannelConnection connection(String accountId) {
        return openOrGet(accountId).connection();
    }

    /** The descriptor of the account's channel. */
    public ChannelDescriptor descriptor(String accountId) {
        return openOrGet(accountId).descriptor();
    }

    private Open openOrGet(String accountId) {
        Open existing = open.get(accountId);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = open.get(accountId);
            if (existing != null) {
                return existing;
            }
            ChannelAccountView account = accounts.find(accountId)
                    .orElseThrow(() -> new UnknownChannelAccountException(accountId));
            if (!account.enabled()) {
                throw new ChannelUnavailableException("channel account " + accountId + " is disabled");
            }
            Contributed<ChannelConnector> connector = plugins.connector(account.connectorId())
                    .orElseThrow(() -> new ChannelUnavailableException(
                            "no running plugin provides connector " + account.connectorId()));
            ChannelConfig config = accounts.decryptedConfig(accountId);
            try {
                ChannelDescriptor descriptor = connector.extension().descriptor();
                ChannelConnection connection = connector.extension().open(
                        new Context(accountId, config, urls.webhookUrl(accountId),
                                events -> store.getObject().store(accountId, events),
                                histories.forAccount(accountId), plugins.context(connector.pluginId())));
                Open opened = new Open(connector.pluginId(), descriptor, connection);
                open.put(accountId, opened);
                log.info("Opened {} connection for account {}", descriptor.id(), accountId);
                return opened;
            } catch (ChannelException | RuntimeException e) {
                throw new ChannelUnavailableException("cannot open channel account " + accountId + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Closes the connection of an account (after a configuration change); the next use reopens it. */
    public void close(String accountId) {
        Open removed = open.remove(accountId);
        if (removed != null) {
            closeQuietly(accountId, removed);
        }
    }

    private void closeAllOf(String pluginId) {
        List<String> ids = open.entrySet().stream().filter(e -> e.getValue().pluginId().equals(pluginId))
                .map(Map.Entry::getKey).toList();
        ids.forEach(this::close);
    }

    /**
     * A new, changed or disabled account's connection closes once the change is committed and, if the account is
     * enabled, opens again at once: channels that receive by connecting out (IMAP email) must not wait for a
     * first send to start listening.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onAccountChanged(ChannelAccountChanged changed) {
        close(changed.accountId());
        openQuietly(changed.accountId());
    }

    /**
     * Keeps every enabled account's connection open: at start, and every 30 s for accounts whose plugin was not
     * running or whose opening failed before (a mailbox that was unreachable, a plugin started later).
     */
    @org.springframework.scheduling.annotation.Scheduled(initialDelay = 2_000, fixedDelay = 30_000)
    void openAllEnabled() {
        try {
            accounts.list().stream().filter(ChannelAccountView::enabled).map(ChannelAccountView::id)
                    .filter(id -> !open.containsKey(id)).forEach(this::openQuietly);
        } catch (RuntimeException e) {
            log.debug("Cannot list channel accounts to open them now: {}", e.getMessage());
        }
    }

    private void openQuietly(String accountId) {
        try {
            openOrGet(accountId);
        } catch (UnknownChannelAccountException | ChannelUnavailableException e) {
            log.debug("Account {} not opened now: {}", accountId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Opening account {} failed: {}", accountId, e.getMessage());
        }
    }

    private static void closeQuietly(String accountId, Open connection) {
        try {
            connection.connection().close();
        } catch (RuntimeException e) {
            log.warn("Closing connection of account {} failed", accountId, e);
        }
    }

    @Override
    public void destroy() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private record Context(String accountId, ChannelConfig config, URI webhookUrl, InboundSink sink,
            MessageHistory history, PluginContext plugin) implements ConnectionContext {
    }
}
