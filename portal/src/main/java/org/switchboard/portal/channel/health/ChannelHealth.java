package org.switchboard.portal.channel.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.portal.agent.RoleGuard;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.channel.ChannelUnavailableException;
import org.switchboard.portal.channel.UnknownChannelAccountException;

/**
 * Channel account health for admins. Message times and the error rate come from the stored messages (the outbox
 * records each reply's outcome on its message), so they are the same on every node and survive restarts; the
 * connector's check asks the open connection, bounded by a timeout so a hanging plugin cannot hang the page.
 */
@Service
public class ChannelHealth {

    /** The period the error rate covers. */
    public static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final String TEST_MESSAGE_SENT = "channel-account.test-message";

    private final JdbcTemplate jdbc;
    private final ChannelConnections connections;
    private final AuditLog audit;
    private final Clock clock;

    ChannelHealth(DataSource dataSource, ChannelConnections connections, AuditLog audit, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    /** The health of every given account, admins only. */
    public Map<String, AccountHealth> of(List<String> accountIds) {
        RoleGuard.requireAdmin("see channel health");
        // The connectors' checks run at once, side by side: a page of accounts waits at most one timeout.
        Map<String, CompletableFuture<AccountHealth.Check>> checks = new java.util.LinkedHashMap<>();
        accountIds.forEach(id -> checks.put(id, startCheck(id)));
        Map<String, AccountHealth> result = new java.util.LinkedHashMap<>();
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        checks.forEach((id, check) -> result.put(id, measure(id, check, deadline)));
        return result;
    }

    /** The health of one account, admins only. */
    public AccountHealth of(String accountId) {
        RoleGuard.requireAdmin("see channel health");
        return measure(accountId, startCheck(accountId), System.nanoTime() + CHECK_TIMEOUT.toNanos());
    }

    private AccountHealth measure(String accountId, CompletableFuture<AccountHealth.Check> check, long deadline) {
        Instant since = clock.instant().minus(WINDOW);
        Instant lastIn = instant(jdbc.queryForObject("select max(created_at) from message where channel_account_id = ?"
                + " and direction = 'IN'", LocalDateTime.class, accountId));
        Instant lastOut = instant(jdbc.queryForObject("select max(sent_at) from message where channel_account_id = ?"
                + " and direction = 'OUT' and sent_at is not null", LocalDateTime.class, accountId));
        Map<String, Object> counts = jdbc.queryForMap("select count(*) as finished, coalesce(sum(case when"
                + " delivery_status = 'FAILED' then 1 else 0 end), 0) as failed from message where channel_account_id = ?"
                + " and direction = 'OUT' and created_at >= ? and delivery_status in ('SENT', 'DELIVERED', 'READ',"
                + " 'FAILED')", accountId, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        return new AccountHealth(accountId, lastIn, lastOut, WINDOW, ((Number) counts.get("finished")).longValue(),
                ((Number) counts.get("failed")).longValue(), await(check, deadline));
    }

    /** Starts the connector's own check on a thread of its own; already done when the account has no connection. */
    private CompletableFuture<AccountHealth.Check> startCheck(String accountId) {
        ChannelConnection connection;
        try {
            connection = connections.connection(accountId);
        } catch (ChannelUnavailableException | UnknownChannelAccountException e) {
            return CompletableFuture.completedFuture(new AccountHealth.Check(AccountHealth.Status.UNAVAILABLE,
                    e.getMessage()));
        }
        CompletableFuture<AccountHealth.Check> check = new CompletableFuture<>();
        Thread.ofVirtual().name("health-" + accountId).start(() -> {
            try {
                check.complete(reported(connection.health()));
            } catch (RuntimeException | LinkageError e) {
                check.complete(new AccountHealth.Check(AccountHealth.Status.DOWN,
                        "the connector's health check failed: " + e));
            }
        });
        return check;
    }

    private static AccountHealth.Check reported(ConnectionHealth reported) {
        if (reported == null) {
            return new AccountHealth.Check(AccountHealth.Status.UP, "the connector reports nothing");
        }
        return new AccountHealth.Check(reported.healthy() ? AccountHealth.Status.UP : AccountHealth.Status.DOWN,
                reported.detail() == null ? "" : reported.detail());
    }

    private static AccountHealth.Check await(CompletableFuture<AccountHealth.Check> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new AccountHealth.Check(AccountHealth.Status.DOWN, "the connector's health check did not answer"
                    + " within " + CHECK_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a health check future completes normally", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AccountHealth.Check(AccountHealth.Status.DOWN, "interrupted");
        }
    }

    /**
     * Sends a text to an address through the account, at once and outside any conversation, and says what the
     * provider answered. Nothing is stored but an audit entry; the address is the channel's identity kind (an email
     * address, a phone number, a chat id...).
     */
    public TestMessageResult sendTestMessage(String accountId, String address, String text) {
        RoleGuard.requireAdmin("send test messages");
        if (address == null || address.isBlank()) {
            return new TestMessageResult(false, "", "enter the address to send to");
        }
        String body = text == null || text.isBlank() ? "Test message from Switchboard" : text;
        TestMessageResult result;
        try {
            ChannelDescriptor descriptor = connections.descriptor(accountId);
            ChannelConnection connection = connections.connection(accountId);
            SendResult sent = connection.send(new OutboundMessage("test-" + UUID.randomUUID(), "test",
                    new Identity(descriptor.identityKind(), address.strip()), "Switchboard", body, null, List.of(),
                    null));
            result = switch (sent) {
                case SendResult.Sent ok -> new TestMessageResult(true, ok.externalId() == null ? ""
                        : ok.externalId(), "");
                case SendResult.Failed failed -> new TestMessageResult(false, "", failed.reason()
                        + (failed.retryable() ? " (temporary)" : ""));
                case null -> new TestMessageResult(false, "", "the channel plugin returned no result");
            };
        } catch (ChannelUnavailableException | UnknownChannelAccountException e) {
            result = new TestMessageResult(false, "", e.getMessage());
        } catch (RuntimeException e) {
            result = new TestMessageResult(false, "", "the channel plugin failed: " + e.getMessage());
        }
        // The address is personal data of someone the admin chose; the audit keeps the outcome, not the address.
        audit.record(TEST_MESSAGE_SENT, "channel-account:" + accountId, result.summary());
        return result;
    }

    /** Hibernate writes instants as UTC ({@code hibernate.jdbc.time_zone}); read them back the same way. */
    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
