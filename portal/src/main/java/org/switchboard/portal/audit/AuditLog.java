package org.switchboard.portal.audit;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Writes audit entries in their own transaction, so an audited refusal is kept even though the work it refused
 * rolls back. When the database is away the entry goes to the log instead: auditing never turns a refusal into an
 * error.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** Actions, stable strings (they are stored). */
    public static final String WEBHOOK_SIGNATURE_REFUSED = "webhook.signature-refused";
    public static final String CHANNEL_ACCOUNT_CREATED = "channel-account.created";
    public static final String CHANNEL_ACCOUNT_UPDATED = "channel-account.updated";
    public static final String CHANNEL_ACCOUNT_ENABLED = "channel-account.enabled";
    public static final String CHANNEL_ACCOUNT_DISABLED = "channel-account.disabled";

    private final AuditEntryRepository entries;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, PlatformTransactionManager transactions, Clock clock) {
        this.entries = entries;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Records what the signed-in agent (or "system") did. */
    public void record(String action, String target, String detail) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        record(who == null || !who.isAuthenticated() ? "system" : who.getName(), action, target, detail);
    }

    /** Records a fact with an explicit actor (e.g. a remote address for a refused webhook). */
    public void record(String actor, String action, String target, String detail) {
        try {
            ownTransaction.executeWithoutResult(status ->
                    entries.save(new AuditEntry(clock.instant(), actor, action, target, detail)));
        } catch (DataAccessException | TransactionException e) {
            log.warn("AUDIT (not stored, database unavailable): actor={} action={} target={} detail={}", actor,
                    action, target, detail);
        }
    }

    /**
     * Records a fact once the current transaction has committed (an audit entry must not claim what rolled back);
     * at once when there is no transaction.
     */
    public void recordAfterCommit(String actor, String action, String target, String detail) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            record(actor, action, target, detail);
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        record(actor, action, target, detail);
                    }
                });
    }

    /** The latest entries, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return entries.findAllByOrderByOccurredAtDescIdDesc(Limit.of(limit));
    }

    /** One page of the entries matching the query, newest first (admins only). */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery query, int offset, int limit) {
        requireAdmin();
        return entries.search(actorPattern(query), query.action(), query.from(), query.to(),
                new OffsetPage(offset, limit));
    }

    /** How many entries match the query (admins only). */
    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        requireAdmin();
        return entries.count(actorPattern(query), query.action(), query.from(), query.to());
    }

    /** Every action recorded so far, for the filter (admins only). */
    @Transactional(readOnly = true)
    public List<String> actions() {
        requireAdmin();
        return entries.actions();
    }

    /** Writes the matching entries as CSV, newest first, read page by page (admins only). */
    public void exportCsv(AuditQuery query, java.io.Writer out) throws java.io.IOException {
        requireAdmin();
        AuditCsv.header(out);
        int pageSize = 1000;
        for (int offset = 0; ; offset += pageSize) {
            List<AuditEntry> page = search(query, offset, pageSize);
            for (AuditEntry entry : page) {
                AuditCsv.row(out, entry);
            }
            if (page.size() < pageSize) {
                break;
            }
        }
        out.flush();
    }

    private static String actorPattern(AuditQuery query) {
        return query.actor() == null ? null : "%" + query.actor().toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /* Reading the log is for admins; the audit package checks the authority by name (it sits below agent/). */
    private static void requireAdmin() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()
                || who.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new org.springframework.security.access.AccessDeniedException("Only admins read the audit log.");
        }
    }

    /** The latest entries of one action, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(String action, int limit) {
        return entries.findByActionOrderByOccurredAtDescIdDesc(action, Limit.of(limit));
    }
}
