package org.switchboard.portal.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sums of facts: the counters, and per duration its count, sum and histogram, plus conversations started per local
 * hour of day. A rollup row, a query's aggregate and a delta (with negative numbers) are all one of these.
 */
final class Totals {

    final long[] counters = new long[Measure.COUNT];
    final long[] durationCounts = new long[DurationMeasure.COUNT];
    final long[] durationSums = new long[DurationMeasure.COUNT];
    final DurationHistogram[] histograms = new DurationHistogram[DurationMeasure.COUNT];
    final DurationHistogram createdByHour = new DurationHistogram();

    Totals() {
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = new DurationHistogram();
        }
    }

    long get(Measure measure) {
        return counters[measure.ordinal()];
    }

    long count(DurationMeasure duration) {
        return durationCounts[duration.ordinal()];
    }

    long sum(DurationMeasure duration) {
        return durationSums[duration.ordinal()];
    }

    DurationHistogram histogram(DurationMeasure duration) {
        return histograms[duration.ordinal()];
    }

    void addSample(DurationMeasure duration, long seconds, int sign) {
        long s = Math.max(0, seconds);
        durationCounts[duration.ordinal()] += sign;
        durationSums[duration.ordinal()] += sign * s;
        histograms[duration.ordinal()].add(s, sign);
    }

    /** Adds (sign 1) or subtracts (sign -1) other totals. */
    Totals add(Totals other, int sign) {
        for (int i = 0; i < counters.length; i++) {
            counters[i] += sign * other.counters[i];
        }
        for (int i = 0; i < durationCounts.length; i++) {
            durationCounts[i] += sign * other.durationCounts[i];
            durationSums[i] += sign * other.durationSums[i];
            histograms[i].add(other.histograms[i], sign);
        }
        createdByHour.add(other.createdByHour, sign);
        return this;
    }

    boolean isZero() {
        return Arrays.stream(counters).allMatch(v -> v == 0) && Arrays.stream(durationCounts).allMatch(v -> v == 0)
                && Arrays.stream(durationSums).allMatch(v -> v == 0)
                && Arrays.stream(histograms).allMatch(DurationHistogram::isEmpty) && createdByHour.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totals t && Arrays.equals(counters, t.counters)
                && Arrays.equals(durationCounts, t.durationCounts) && Arrays.equals(durationSums, t.durationSums)
                && Arrays.equals(histograms, t.histograms) && createdByHour.equals(t.createdByHour);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(counters), Arrays.hashCode(durationSums));
    }

    @Override
    public String toString() {
        var text = new StringBuilder("{");
        for (Measure m : Measure.values()) {
            if (get(m) != 0) {
                text.append(m.column()).append('=').append(get(m)).append(' ');
            }
        }
        for (DurationMeasure d : DurationMeasure.values()) {
            if (count(d) != 0) {
                text.append(d.prefix()).append('=').append(histogram(d)).append(' ');
            }
        }
        if (!createdByHour.isEmpty()) {
            text.append("byHour=").append(createdByHour);
        }
        return text.append('}').toString();
    }
}
