package org.switchboard.portal.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * One contribution of a conversation to the metrics: counters and at most one sample of each duration, at a key.
 * Contributions with the same key whose durations do not collide are kept as one fact.
 */
final class Fact {

    final FactKey key;
    final int[] counters = new int[Measure.COUNT];
    /** Whole seconds per {@link DurationMeasure}, {@code null} when this fact has no such sample. */
    final Long[] seconds = new Long[DurationMeasure.COUNT];

    Fact(FactKey key) {
        this.key = Objects.requireNonNull(key);
    }

    Fact count(Measure measure, boolean yes) {
        if (yes) {
            counters[measure.ordinal()]++;
        }
        return this;
    }

    Fact add(Measure measure, int amount) {
        counters[measure.ordinal()] += amount;
        return this;
    }

    Fact sample(DurationMeasure duration, long value) {
        seconds[duration.ordinal()] = Math.max(0, value);
        return this;
    }

    boolean canAbsorb(Fact other) {
        if (!key.equals(other.key)) {
            return false;
        }
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] != null && other.seconds[i] != null) {
                return false;
            }
        }
        return true;
    }

    void absorb(Fact other) {
        for (int i = 0; i < counters.length; i++) {
            counters[i] += other.counters[i];
        }
        for (int i = 0; i < seconds.length; i++) {
            if (other.seconds[i] != null) {
                seconds[i] = other.seconds[i];
            }
        }
    }

    /** What this fact adds to a rollup row. */
    Totals totals() {
        Totals totals = new Totals();
        for (int i = 0; i < counters.length; i++) {
            totals.counters[i] = counters[i];
        }
        for (DurationMeasure d : DurationMeasure.values()) {
            Long value = seconds[d.ordinal()];
            if (value != null) {
                totals.addSample(d, value, 1);
            }
        }
        int created = counters[Measure.CREATED.ordinal()];
        if (created != 0) {
            totals.createdByHour.addBucket(key.hour().getHour(), created);
        }
        return totals;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact f && key.equals(f.key) && Arrays.equals(counters, f.counters)
                && Arrays.equals(seconds, f.seconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(counters));
    }

    @Override
    public String toString() {
        return key + " " + totals();
    }
}
