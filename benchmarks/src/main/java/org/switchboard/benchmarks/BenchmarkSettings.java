package org.switchboard.benchmarks;

import java.nio.file.Path;

/**
 * What one run of the ingest benchmark does, from system properties ({@code -Dn=20000 -Dconcurrency=32 …}).
 *
 * @param deliveries  webhook deliveries in the measured phase, redeliveries included
 * @param concurrency concurrent HTTP clients
 * @param warmup      deliveries of one warm-up round (JIT, connection pools, Lucene writer); 0 for no warm-up;
 *                    by default as many as the measured phase, so a round is as long as what it predicts
 * @param visitors    distinct web-chat visitors in the measured phase
 * @param seed        seed of the traffic generator, so two runs send the same traffic
 * @param dataRoot    under which each run gets a fresh data directory
 * @param contention  whether a person's two browsers write at the same moment (concurrent writes to one
 *                    conversation); off by default, as a person writes from one place at a time
 * @param keep        whether to keep the run's data directory (database, index) afterwards
 * @param flightRecording where to write a Java Flight Recording (profile settings) of the measured phase, or
 *                    {@code null} for none
 * @param jitSettledCores  warm-up rounds go on until the JIT compiler used less than this many cores in a round
 * @param warmupMaxSeconds … or until the warm-up has taken this long
 */
record BenchmarkSettings(int deliveries, int concurrency, int warmup, int visitors, long seed, Path dataRoot,
        boolean contention, boolean keep, Path flightRecording, double jitSettledCores, int warmupMaxSeconds) {

    BenchmarkSettings {
        if (deliveries < 100) {
            throw new IllegalArgumentException("-Dn must be at least 100, was " + deliveries);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("-Dconcurrency must be at least 1, was " + concurrency);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("-Dwarmup must not be negative, was " + warmup);
        }
        if (visitors < 1 || visitors > deliveries) {
            throw new IllegalArgumentException("-Dvisitors must be between 1 and -Dn, was " + visitors);
        }
    }

    static BenchmarkSettings fromSystemProperties() {
        int deliveries = Integer.getInteger("n", 20_000);
        int visitors = Integer.getInteger("visitors", 0);
        return new BenchmarkSettings(
                deliveries,
                Integer.getInteger("concurrency", 32),
                Integer.getInteger("warmup", deliveries),
                visitors > 0 ? visitors : Math.max(1, deliveries / 10),
                Long.getLong("seed", 42L),
                Path.of(System.getProperty("bench.dataRoot", "target/bench-data")).toAbsolutePath(),
                Boolean.getBoolean("contention"),
                Boolean.getBoolean("keep"),
                System.getProperty("jfr", "").isBlank() ? null : Path.of(System.getProperty("jfr")).toAbsolutePath(),
                Double.parseDouble(System.getProperty("jitSettled", "0.1")),
                Integer.getInteger("warmupMaxSeconds", 300));
    }
}
