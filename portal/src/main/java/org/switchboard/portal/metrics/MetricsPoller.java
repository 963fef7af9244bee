package org.switchboard.portal.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.conversation.ConversationChanged;
import org.switchboard.portal.conversation.ConversationEventRecorded;
import org.switchboard.portal.customer.Sql;

/**
 * Keeps the rollups up to date as events arrive, outbox-style: every {@code switchboard.metrics.poll-interval} (and
 * right after a committed conversation change) it looks for conversations with events, or SLA targets met, since
 * its watermark minus an overlap, and has {@link MetricsProjection} recompute them. Nothing in other packages calls
 * it; after a restart it catches up from the watermark; on a database without one it rebuilds. One node projects at
 * a time: a round that finds the lock row taken skips (SKIP LOCKED).
 */
@Component
class MetricsPoller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetricsPoller.class);
    private static final int BATCH = 200;
    /**
     * Most rounds look back this far behind the watermark (a commit seconds after its events' time); once a minute a
     * round looks back the whole overlap. Every conversation with events in this window is recomputed each round,
     * so under steady ingestion (a round a second) the window is what the poller's work grows with.
     */
    private static final java.time.Duration RECENT = java.time.Duration.ofSeconds(5);
    private static final java.time.Duration FULL_SWEEP_EVERY = java.time.Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final MetricsProjection projection;
    private final MetricsRebuild rebuild;
    private final MetricsProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("metrics-poller-", 0).factory());
    private final Set<Runnable> subscribers = ConcurrentHashMap.newKeySet();
    private volatile Instant lastFullSweep = Instant.EPOCH;

    MetricsPoller(DataSource dataSource, MetricsProjection projection, MetricsRebuild rebuild,
            MetricsProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.projection = projection;
        this.rebuild = rebuild;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${switchboard.metrics.poll-interval:5s}",
            initialDelayString = "${switchboard.metrics.poll-interval:5s}")
    void tick() {
        if (properties.poller()) {
            poll();
        }
    }

    /* A committed change: look soon, once for a burst of changes. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(ConversationChanged change) {
        nudge();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onEvent(ConversationEventRecorded event) {
        nudge();
    }

    private void nudge() {
        if (properties.poller() && nudged.compareAndSet(false, true)) {
            try {
                nudges.execute(() -> {
                    // At most one nudged round a second, however busy the portal is.
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    nudged.set(false);
                    poll();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                nudged.set(false);
            }
        }
    }

    /** Runs after every round that changed rollups (on the poller's thread): dashboards refresh their charts. */
    Runnable subscribe(Runnable subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * One round now (a round already running on this node makes this a no-op).
     *
     * @return how many conversations' facts changed
     */
    int poll() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            int changed = round();
            if (changed > 0) {
                subscribers.forEach(s -> {
                    try {
                        s.run();
                    } catch (RuntimeException e) {
                        log.debug("Metrics subscriber failed", e);
                    }
                });
            }
            return changed;
        } catch (RuntimeException e) {
            log.warn("Metrics round failed; trying again at the next one: {}", e.toString());
            return 0;
        } finally {
            running.unlock();
        }
    }

    private record State(Instant watermark, Instant rebuildingSince) {
    }

    private int round() {
        Instant roundStart = clock.instant();
        List<State> locked = transaction.execute(s -> jdbc.query("select watermark, rebuilding_since from"
                + " metric_state where id = 1 for update skip locked",
                (rs, i) -> new State(Sql.instant(rs, "watermark"), Sql.instant(rs, "rebuilding_since"))));
        if (locked == null || locked.isEmpty()) {
            return 0;
        }
        State state = locked.getFirst();
        if (state.rebuildingSince() != null) {
            if (state.rebuildingSince().isAfter(roundStart.minus(MetricsRebuild.STALE))) {
                return 0;
            }
            log.warn("A metrics rebuild stopped without finishing; rebuilding again");
        }
        if (state.watermark() == null || state.rebuildingSince() != null) {
            return (int) Math.min(Integer.MAX_VALUE, rebuild.rebuild().conversations());
        }
        boolean full = !roundStart.isBefore(lastFullSweep.plus(FULL_SWEEP_EVERY));
        java.time.Duration back = full || properties.overlap().compareTo(RECENT) < 0 ? properties.overlap() : RECENT;
        Map<String, Object> since = Map.of("since", Sql.utc(state.watermark().minus(back)));
        List<Long> ids = named.queryForList("""
                select conversation_id from conversation_event where occurred_at >= :since
                union select conversation_id from conversation_sla where met_at >= :since""", since, Long.class);
        int changed = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            int result = projection.refresh(ids.subList(from, Math.min(ids.size(), from + BATCH)));
            if (result < 0) {
                return changed;
            }
            changed += result;
        }
        transaction.executeWithoutResult(s -> jdbc.update("update metric_state set watermark = ? where id = 1"
                + " and rebuilding_since is null and (watermark is null or watermark < ?)", Sql.utc(roundStart),
                Sql.utc(roundStart)));
        if (full) {
            lastFullSweep = roundStart;
        }
        return changed;
    }

    @Override
    public void destroy() {
        nudges.shutdownNow();
    }
}
