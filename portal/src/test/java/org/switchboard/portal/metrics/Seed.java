package org.switchboard.portal.metrics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes conversations and their events with plain JDBC, in exactly the shapes the portal's services record them
 * (see ConversationStore, ConversationWorkflow, AiDecisions), with ids far above the portal's sequences. Events are
 * queued, so a test can insert them in time order and project after each, as they would arrive.
 */
public final class Seed {

    /** A queued event. */
    public record QueuedEvent(long id, long conversationId, String type, Instant at, Long agentId, String account,
            String detail) {
    }

    final JdbcTemplate jdbc;
    private final AtomicLong ids;
    public final List<QueuedEvent> queued = new ArrayList<>();

    public Seed(JdbcTemplate jdbc, long idBase) {
        this.jdbc = jdbc;
        this.ids = new AtomicLong(idBase);
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public String account(String name, String kind) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into channel_account (id, name, connector_id, config, enabled, created_at)"
                + " values (?, ?, ?, '{}', true, ?)", id, name, kind, utc(Instant.now()));
        return id;
    }

    public long team(String name) {
        long id = nextId();
        jdbc.update("insert into team (id, name, created_at) values (?, ?, ?)", id, name + " " + id,
                utc(Instant.now()));
        return id;
    }

    public long agent(String name) {
        long id = nextId();
        jdbc.update("insert into agent (id, email, display_name, password_hash, enabled, password_change_required,"
                + " created_at) values (?, ?, ?, 'x', true, false, ?)", id, "agent" + id + "@metrics.test", name,
                utc(Instant.now()));
        return id;
    }

    public long customer() {
        long id = nextId();
        jdbc.update("insert into customer (id, display_name, created_at, updated_at) values (?, ?, ?, ?)", id,
                "Customer " + id, utc(Instant.now()), utc(Instant.now()));
        return id;
    }

    /** A conversation row (no events yet). */
    public long conversation(long customerId, String account, Instant createdAt) {
        long id = nextId();
        jdbc.update("insert into conversation (id, customer_id, status, priority, last_channel_account_id,"
                + " last_activity_at, unread_count, created_at, version) values (?, ?, 'OPEN', 'NORMAL', ?, ?, 0, ?, 0)",
                id, customerId, account, utc(createdAt), utc(createdAt));
        return id;
    }

    public void queue(long conversationId, String type, Instant at, Long agentId, String account, String detail) {
        queued.add(new QueuedEvent(nextId(), conversationId, type, at, agentId, account, detail));
    }

    public void insert(QueuedEvent e) {
        jdbc.update("insert into conversation_event (id, conversation_id, event_type, occurred_at, agent_id,"
                + " channel_account_id, detail) values (?, ?, ?, ?, ?, ?, ?)", e.id(), e.conversationId(), e.type(),
                utc(e.at()), e.agentId(), e.account(), e.detail());
    }

    public void slaTarget(long conversationId, String target, Instant started, Instant due, Instant met, Instant breached) {
        jdbc.update("insert into conversation_sla (id, conversation_id, target, policy_id, policy_name, started_at,"
                + " due_at, met_at, warned_at, breached_at, version) values (?, ?, ?, null, 'Fixture', ?, ?, ?, null,"
                + " ?, 0)", nextId(), conversationId, target, utc(started), utc(due), utc(met), utc(breached));
    }
}
