package org.switchboard.portal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.audit.AuditLog;

/**
 * Deletes resolved conversations (with messages, attachments, events, outbox rows and search documents) whose last
 * activity is older than {@code switchboard.retention.resolved-conversations}; runs daily at 03:17 (server time) and
 * does nothing when the period is unset. Customers and their identities stay: they are the record a returning
 * customer is recognised by, and are erased only on request ({@link CustomerErasure}). Works in batches, one
 * transaction each, so a large first run neither holds long locks nor fails as a whole.
 */
@Service
public class RetentionPolicy {

    /** Audit action (stored string). */
    public static final String AUDIT_PURGED = "retention.purged";

    private static final Logger log = LoggerFactory.getLogger(RetentionPolicy.class);
    private static final int BATCH = 200;

    private final RetentionProperties properties;
    private final JdbcTemplate jdbc;
    private final ConversationPurge purge;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    RetentionPolicy(RetentionProperties properties, JdbcTemplate jdbc, ConversationPurge purge,
            PlatformTransactionManager transactions, AuditLog audit, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.purge = purge;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    /** The scheduled run. */
    @Scheduled(cron = "${switchboard.retention.cron:0 17 3 * * *}")
    void scheduled() {
        if (properties.resolvedConversations() != null) {
            PurgeCounts purged = purgeResolvedConversations(properties.resolvedConversations());
            log.info("Retention: deleted {}", purged);
        }
    }

    /** Applies the configured period now; nothing when unset. */
    public PurgeCounts purgeResolvedConversations() {
        return properties.resolvedConversations() == null ? PurgeCounts.NONE
                : purgeResolvedConversations(properties.resolvedConversations());
    }

    /** Deletes resolved conversations whose last activity is older than {@code period}. */
    public PurgeCounts purgeResolvedConversations(Period period) {
        Instant cutoff = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(period)
                .toInstant(ZoneOffset.UTC);
        PurgeCounts total = PurgeCounts.NONE;
        while (true) {
            PurgeCounts batch = transaction.execute(status -> {
                List<Long> ids = jdbc.queryForList("""
                        select id from conversation where status = 'RESOLVED' and last_activity_at < ?
                        order by last_activity_at, id limit ? for update skip locked""", Long.class,
                        LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC), BATCH);
                return purge.delete(ids);
            });
            total = total.plus(batch);
            if (batch.conversations() < BATCH) {
                break;
            }
        }
        if (total.conversations() > 0) {
            audit.record("system", AUDIT_PURGED, null,
                    "resolved conversations inactive since before " + cutoff + ": " + total);
        }
        return total;
    }
}
