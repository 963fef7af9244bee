package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends warm-up traffic in rounds until the JIT compiler has settled, so the measured phase shows the portal as it
 * runs after minutes in production, not while it is still being compiled.
 *
 * <p>Why rounds instead of a fixed count: on 2 cores the JIT compiles the Spring, Hibernate, Lucene and Tomcat
 * paths of a delivery for a minute or more. Measured on 2026-11-24 with 32 clients: after 5,000 warm-up deliveries
 * the compiler threads still used 0.6–0.7 of the 2 cores through the whole measured phase (half of the portal's
 * CPU), and the run read 800 msg/s; after 60,000 they used about 0.2 and the same build read 1,214 msg/s. How long
 * the JIT needs depends on the machine, so the warm-up watches it instead of guessing.
 */
final class WarmUp {

    /** What the warm-up sent, for the checks, and how far the JIT had settled. */
    record Result(List<TrafficPlan> plans, List<LoadResult> results, long nanos, double firstRoundJitCores,
            double lastRoundJitCores) {

        int deliveries() {
            return plans.stream().mapToInt(TrafficPlan::deliveries).sum();
        }

        int failures() {
            return results.stream().mapToInt(LoadResult::failures).sum();
        }
    }

    private final TrafficGenerator generator;
    private final LoadDriver driver;
    private final BenchmarkSettings settings;
    private final CpuMeter cpu;

    WarmUp(TrafficGenerator generator, LoadDriver driver, BenchmarkSettings settings, CpuMeter cpu) {
        this.generator = generator;
        this.driver = driver;
        this.settings = settings;
        this.cpu = cpu;
    }

    /**
     * Rounds of {@code -Dwarmup} deliveries (fresh visitors each), until a round's JIT compile time is below
     * {@code -DjitSettled} cores or {@code -DwarmupMaxSeconds} have passed; at least one round.
     */
    Result run() throws InterruptedException {
        List<TrafficPlan> plans = new ArrayList<>();
        List<LoadResult> results = new ArrayList<>();
        if (settings.warmup() == 0) {
            return new Result(plans, results, 0, Double.NaN, Double.NaN);
        }
        long started = System.nanoTime();
        double first = Double.NaN;
        double last;
        do {
            TrafficPlan plan = generator.generate("w" + (plans.size() + 1), settings.warmup(),
                    Math.max(1, settings.warmup() / 10), settings.concurrency(), settings.contention());
            List<VisitorSession> sessions = driver.openSessions(plan.visitors().size());
            CpuMeter.Snapshot before = cpu.snapshot();
            results.add(driver.send(plan, sessions));
            last = cpu.between(before, cpu.snapshot()).jitCores();
            first = plans.isEmpty() ? last : first;
            plans.add(plan);
        } while (last > settings.jitSettledCores()
                && System.nanoTime() - started < settings.warmupMaxSeconds() * 1_000_000_000L);
        return new Result(plans, results, System.nanoTime() - started, first, last);
    }
}
