package org.switchboard.benchmarks;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one phase of deliveries measured.
 *
 * @param deliveries     requests sent
 * @param wallNanos      from the first request sent to the last answer received
 * @param latencyMicros  each request's time from sending to the whole answer, in microseconds
 * @param failures       requests answered other than 2xx, or not answered
 * @param failureKinds   how many of each kind ("HTTP 503", "IOException")
 * @param failureSamples the first few failures, for the report
 */
record LoadResult(int deliveries, long wallNanos, Histogram latencyMicros, int failures,
        Map<String, Integer> failureKinds, List<String> failureSamples) {

    double perSecond() {
        return deliveries / (wallNanos / 1e9);
    }

    double millisAt(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }
}
