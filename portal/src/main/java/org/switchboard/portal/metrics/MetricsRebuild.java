package org.switchboard.portal.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.customer.Sql;

/**
 * Recomputes every fact and rollup from the conversation events: after a definition, zone or business-hours
 * change, on a fresh database, and in tests (the incremental rollups must equal it). The poller pauses meanwhile;
 * afterwards it looks again at everything that happened since the rebuild began.
 *
 * <p>Facts are computed customer by customer (repeat contacts need a customer's conversations together) and
 * written in chunks; rollups are then written in one pass over the facts in time order, each row once.
 */
@Service
public class MetricsRebuild {

    private static final Logger log = LoggerFactory.getLogger(MetricsRebuild.class);
    private static final int CUSTOMERS_PER_CHUNK = 2000;
    /** A rebuild whose heartbeat is older than this is taken to have died with its node. */
    static final Duration STALE = Duration.ofMinutes(30);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ReportingCalendar calendar;
    private final MetricsProjection projection;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final MetricsAccess access;
    private final org.switchboard.portal.audit.AuditLog audit;

    MetricsRebuild(DataSource dataSource, ReportingCalendar calendar, MetricsProjection projection, Clock clock,
            PlatformTransactionManager transactions, MetricsAccess access, org.switchboard.portal.audit.AuditLog audit) {
        this.access = access;
        this.audit = audit;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.calendar = calendar;
        this.projection = projection;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * What a rebuild did.
     *
     * @param conversations conversations projected
     * @param facts         facts written
     * @param rollupRows    rollup rows written
     * @param took          how long it took
     * @param factsTook     of which computing and writing the facts
     */
    public record Result(long conversations, long facts, long rollupRows, Duration took, Duration factsTook) {
    }

    /** Audit action of a rebuild an admin asked for (stable: it is stored). */
    public static final String AUDIT_REBUILT = "metrics.rebuilt";

    /**
     * An admin asks for a rebuild (after changing the reporting business hours or zone): audited, run in the
     * background; the dashboards show the old figures until it is done.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless an admin asks
     */
    public void requestRebuild() {
        if (!access.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("Only admins rebuild the metrics.");
        }
        String actor = access.self().email();
        audit.record(actor, AUDIT_REBUILT, "metrics", "rebuild requested");
        Thread.ofVirtual().name("metrics-rebuild").start(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                log.error("Metrics rebuild failed; the poller tries again", e);
            }
        });
    }

    /** Rebuilds now, in the caller's thread; waits for a rebuild already running to end first. */
    public Result rebuild() {
        long waitedSince = System.nanoTime();
        while (!claim()) {
            if (System.nanoTime() - waitedSince > STALE.toNanos()) {
                throw new MetricsException("Another metrics rebuild is still running.");
            }
            sleep();
        }
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        try {
            FactProjector projector = calendar.projector();
            jdbc.execute("truncate table metric_fact");
            jdbc.execute("truncate table metric_rollup");
            jdbc.execute("truncate table metric_conversation");
            long[] counts = projectAll(projector);
            long factsWritten = System.nanoTime();
            long rows = writeRollups();
            transaction.executeWithoutResult(s -> jdbc.update("update metric_state set watermark = ?,"
                    + " rebuilding_since = null, rebuilt_at = ? where id = 1", Sql.utc(startedAt),
                    Sql.utc(clock.instant())));
            Result result = new Result(counts[0], counts[1], rows, Duration.ofNanos(System.nanoTime() - started),
                    Duration.ofNanos(factsWritten - started));
            log.info("Metrics rebuilt: {} conversations, {} facts ({} ms), {} rollup rows ({} ms), in {} ms",
                    result.conversations(), result.facts(), (factsWritten - started) / 1_000_000, result.rollupRows(),
                    (System.nanoTime() - factsWritten) / 1_000_000, result.took().toMillis());
            return result;
        } catch (RuntimeException e) {
            // No watermark: the poller starts a rebuild again instead of adding to half-built rollups.
            jdbc.update("update metric_state set watermark = null, rebuilding_since = null where id = 1");
            throw e;
        }
    }

    /** Marks the rebuild as running (under the projection lock, so no refresh is half-way); false if one runs. */
    private boolean claim() {
        Boolean claimed = transaction.execute(s -> {
            List<Instant> since = jdbc.query("select rebuilding_since from metric_state where id = 1 for update",
                    (rs, i) -> Sql.instant(rs, "rebuilding_since"));
            Instant now = clock.instant();
            if (!since.isEmpty() && since.getFirst() != null && since.getFirst().isAfter(now.minus(STALE))) {
                return false;
            }
            jdbc.update("update metric_state set rebuilding_since = ? where id = 1", Sql.utc(now));
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }

    private long[] projectAll(FactProjector projector) {
        HistoryReader reader = new HistoryReader(named);
        FactTable facts = new FactTable(jdbc);
        long conversations = 0;
        long written = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> customers = jdbc.queryForList("select customer_id from conversation where customer_id > ?"
                    + " group by customer_id order by customer_id limit " + CUSTOMERS_PER_CHUNK, Long.class, after);
            if (customers.isEmpty()) {
                break;
            }
            after = customers.getLast();
            List<Long> ids = jdbc.queryForList("select id from conversation where customer_id between ? and ?",
                    Long.class, customers.getFirst(), after);
            Map<Long, List<Fact>> chunk = projector.project(reader.read(ids));
            Map<Long, String> signatures = reader.signatures(ids);
            transaction.executeWithoutResult(s -> {
                facts.insert(chunk);
                projection.insertSignatures(signatures);
                jdbc.update("update metric_state set rebuilding_since = ? where id = 1", Sql.utc(clock.instant()));
            });
            conversations += ids.size();
            written += chunk.values().stream().mapToLong(List::size).sum();
        }
        return new long[] {conversations, written};
    }

    /*
     * One pass over the facts in time order: a day's rows are complete when the next day begins. Rows are written in
     * large transactions (a commit per small batch would cost an fsync each).
     */
    private long writeRollups() {
        RollupTable rollups = new RollupTable(jdbc);
        Map<RollupKey, Totals> day = new HashMap<>();
        List<Map.Entry<RollupKey, Totals>> pending = new ArrayList<>();
        LocalDate currentDay = null;
        long written = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("select " + FactTable.COLUMNS
                        + " from metric_fact order by period_hour", ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            read.setFetchSize(2000);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    Fact fact = FactTable.fact(rs);
                    if (!fact.key.hour().toLocalDate().equals(currentDay)) {
                        written += drain(day, pending);
                        currentDay = fact.key.hour().toLocalDate();
                    }
                    MetricsProjection.addTo(day, fact, 1);
                    if (pending.size() >= WRITE_BATCH) {
                        write(rollups, pending);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading metric facts failed", e);
        }
        written += drain(day, pending);
        write(rollups, pending);
        return written;
    }

    private static final int WRITE_BATCH = 10_000;

    private static long drain(Map<RollupKey, Totals> rows, List<Map.Entry<RollupKey, Totals>> pending) {
        long before = pending.size();
        rows.forEach((key, totals) -> {
            if (!totals.isZero()) {
                pending.add(Map.entry(key, totals));
            }
        });
        rows.clear();
        return pending.size() - before;
    }

    private void write(RollupTable rollups, List<Map.Entry<RollupKey, Totals>> pending) {
        if (!pending.isEmpty()) {
            // In key order: neighbouring rows land on the same index pages.
            pending.sort(java.util.Comparator.comparing((Map.Entry<RollupKey, Totals> e) -> e.getKey().toString()));
            transaction.executeWithoutResult(s -> rollups.insert(pending));
            pending.clear();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsException("Interrupted while waiting for another metrics rebuild.");
        }
    }
}
