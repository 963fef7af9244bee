package org.switchboard.portal.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The durable side of the triggers that act on an event (a customer message, a new conversation, an SLA breach),
 * in {@code automation_pending}: written in the transaction that caused them, deleted once the worker has run them,
 * and read back by the catch-up when they waited too long because the portal stopped or the queue was full. Update
 * triggers need none of this: the catch-up finds their changes by comparing conversations with their baselines.
 */
@Component
class PendingTriggers {

    private final NamedParameterJdbcTemplate sql;
    private final Clock clock;

    PendingTriggers(NamedParameterJdbcTemplate sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Writes the jobs in the caller's transaction (one batch); returns them with the ids to mark them done by. */
    List<PendingJob> record(List<AutomationJob> jobs) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<PendingJob> pending = jobs.stream().map(job -> new PendingJob(UUID.randomUUID().toString(), job))
                .toList();
        SqlParameterSource[] rows = pending.stream().map(p -> new MapSqlParameterSource().addValue("id", p.id())
                .addValue("trigger", p.job().trigger().name()).addValue("conversation", p.job().conversationId())
                .addValue("message", p.job().messageId()).addValue("account", p.job().accountId())
                .addValue("at", now)).toArray(SqlParameterSource[]::new);
        sql.batchUpdate("""
                insert into automation_pending (id, trigger_type, conversation_id, message_id, channel_account_id,
                created_at) values (:id, :trigger, :conversation, :message, :account, :at)""", rows);
        return pending;
    }

    /** The job has run (its rules acted, or failed and were logged): it is not run again. */
    void done(String id) {
        sql.update("delete from automation_pending where id = :id", Map.of("id", id));
    }

    /** Jobs written before {@code before}, oldest first. */
    List<PendingJob> writtenBefore(Instant before, int limit) {
        return sql.query("""
                select id, trigger_type, conversation_id, message_id, channel_account_id from automation_pending
                where created_at < :before order by created_at limit :limit""",
                Map.of("before", LocalDateTime.ofInstant(before, ZoneOffset.UTC), "limit", limit),
                (rs, i) -> new PendingJob(rs.getString(1), new AutomationJob(
                        AutomationTrigger.valueOf(rs.getString(2)), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getString(5))));
    }

    /** A job with the id of its row. */
    record PendingJob(String id, AutomationJob job) {
    }
}
