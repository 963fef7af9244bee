package org.switchboard.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the figures of a run as a small table, with the targets and whether they were met. */
final class Report {

    static final double TARGET_MESSAGES_PER_SECOND = 2_000;
    static final double TARGET_P99_MILLIS = 100;

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void header(BenchmarkSettings settings, TrafficPlan plan, long startupMillis) {
        out.println();
        out.println("Switchboard ingest benchmark");
        out.printf(Locale.ROOT, "  machine   %d cores, Java %s, %s %s; portal started in %.1f s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"),
                System.getProperty("os.arch"), startupMillis / 1000.0);
        out.printf(Locale.ROOT, "  traffic   %,d webhook deliveries (%,d distinct messages + %,d redeliveries) from "
                        + "%,d web-chat visitors, %d concurrent clients; seed %d%n",
                plan.deliveries(), plan.distinctMessages(), plan.redeliveries(), plan.visitors().size(),
                settings.concurrency(), settings.seed());
    }

    void warmUp(WarmUp.Result warmup) {
        if (warmup.plans().isEmpty()) {
            out.println("  warm-up   none (-Dwarmup=0): the figures include the JIT compiling the portal");
            return;
        }
        out.printf(Locale.ROOT, "  warm-up   %,d deliveries in %d rounds, %.0f s; JIT compiler %.2f cores in the first "
                        + "round, %.2f in the last%n", warmup.deliveries(), warmup.plans().size(), warmup.nanos() / 1e9,
                warmup.firstRoundJitCores(), warmup.lastRoundJitCores());
    }

    void figures(LoadResult ingest, int baselineRows, long baselineNanos) {
        double ingestRate = ingest.perSecond();
        double rawRate = baselineRows / (baselineNanos / 1e9);
        double p99 = ingest.millisAt(99);
        out.println();
        out.printf(Locale.ROOT, "  %-40s %18s %12s %5s%n", "figure", "measured", "target", "met");
        out.printf(Locale.ROOT, "  %-40s %12s msg/s %12s %5s%n", "ingest: HTTP webhook -> stored, indexed",
                String.format(Locale.ROOT, "%,.0f", ingestRate), ">= 2,000", yesNo(ingestRate >= TARGET_MESSAGES_PER_SECOND));
        out.printf(Locale.ROOT, "  %-40s %15.1f ms %12s %5s%n", "ingest latency p99", p99, "< 100 ms",
                yesNo(p99 < TARGET_P99_MILLIS));
        out.printf(Locale.ROOT, "  %-40s %18s%n", "ingest latency p50 / p95 / p99 / max",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f ms", ingest.millisAt(50), ingest.millisAt(95),
                        p99, ingest.maxMillis()));
        out.printf(Locale.ROOT, "  %-40s %15.2f s%n", "ingest wall time", ingest.wallNanos() / 1e9);
        out.printf(Locale.ROOT, "  %-40s %12s rows/s%n", "baseline: raw JDBC batch insert (500)",
                String.format(Locale.ROOT, "%,.0f", rawRate));
        out.printf(Locale.ROOT, "  %-40s %16.1f x%n", "ratio raw / ingest", rawRate / ingestRate);
    }

    /** The same HTTP path with nothing stored: what no storage design could beat on this machine. */
    void floor(LoadResult floor, LoadResult ingest) {
        out.printf(Locale.ROOT, "  %-40s %12s req/s%n", "floor: same HTTP path, nothing stored",
                String.format(Locale.ROOT, "%,.0f", floor.perSecond()));
        out.printf(Locale.ROOT, "  %-40s %15.1f ms%n", "floor latency p99", floor.millisAt(99));
        out.printf(Locale.ROOT, "  %-40s %16.1f x%n", "ratio floor / ingest", floor.perSecond() / ingest.perSecond());
        if (floor.failures() > 0) {
            out.printf(Locale.ROOT, "  floor: %,d requests not answered 200%n", floor.failures());
        }
    }

    void cpu(String phase, CpuMeter.Usage usage, int deliveries) {
        double msPerDelivery = usage.seconds() * 1000 / deliveries;
        out.printf(Locale.ROOT, "%n  CPU during %s, in cores of %d (and ms of CPU per request):%n", phase,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "    portal JVM %.2f (%.2f ms; JIT compiler %.2f of it), mariadbd %.2f (%.2f ms), "
                        + "benchmark clients %.2f (%.2f ms), other processes %.2f%n",
                usage.portalCores(), usage.portalCores() * msPerDelivery, usage.jitCores(),
                usage.databaseCores(), usage.databaseCores() * msPerDelivery,
                usage.clientCores(), usage.clientCores() * msPerDelivery, usage.otherCores());
    }

    void statements(Map<String, Double> perDelivery) {
        StringBuilder line = new StringBuilder("  SQL statements per delivery (MariaDB's counters):");
        perDelivery.forEach((name, value) -> line.append(String.format(Locale.ROOT, " %s %.2f",
                name.replace("Com_", "").toLowerCase(Locale.ROOT), value)));
        out.println(line);
    }

    void checks(List<Check> checks) {
        out.println();
        for (Check check : checks) {
            String verdict = check.passed() ? "ok  " : check.required() ? "FAIL" : "WARN";
            out.printf(Locale.ROOT, "  %s %-52s expected %,9d  actual %,9d%n", verdict, check.what(),
                    check.expected(), check.actual());
        }
    }

    void failures(String phase, LoadResult result) {
        if (result.failures() == 0) {
            return;
        }
        out.printf(Locale.ROOT, "%n  %s: %,d of %,d deliveries were not answered 2xx: %s%n", phase, result.failures(),
                result.deliveries(), result.failureKinds());
        result.failureSamples().forEach(sample -> out.println("    " + sample));
    }

    void line(String text) {
        out.println(text);
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "NO";
    }
}
