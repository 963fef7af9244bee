package org.switchboard.portal.metrics;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sparse histogram of durations in whole seconds. Below 1,000 s every second is its own bucket (exact); from
 * 1,000 s on, buckets keep three significant digits (10 s wide up to 9,990 s, 100 s up to 99,900 s, …), so a value
 * read back as its bucket's lower bound is at most 1% low. Percentiles are nearest-rank. Counts may go negative
 * while a delta is being built (old facts subtracted); stored histograms never are.
 *
 * <p>Also used for plain small-integer distributions (hour of day), whose values are below 1,000 and so exact.
 */
final class DurationHistogram {

    private static final int EXACT = 1000;
    private static final int PER_DECADE = 900;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    /** The bucket holding a duration (negative durations count as 0). */
    static int bucketOf(long seconds) {
        long s = Math.max(0, seconds);
        if (s < EXACT) {
            return (int) s;
        }
        int exponent = 3;
        long step = 10;
        while (s >= step * 1000) {
            step *= 10;
            exponent++;
        }
        return EXACT + (exponent - 3) * PER_DECADE + (int) (s / step - 100);
    }

    /** The smallest duration of a bucket: what a percentile falling into it reports. */
    static long lowerBound(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        int k = bucket - EXACT;
        long step = 10;
        for (int i = 0; i < k / PER_DECADE; i++) {
            step *= 10;
        }
        return (100 + k % PER_DECADE) * step;
    }

    void add(long seconds, long n) {
        addBucket(bucketOf(seconds), n);
    }

    void addBucket(int bucket, long n) {
        if (n != 0) {
            counts.merge(bucket, n, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** Adds (sign 1) or subtracts (sign -1) another histogram. */
    void add(DurationHistogram other, int sign) {
        other.counts.forEach((bucket, n) -> addBucket(bucket, sign * n));
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Count per bucket, ascending. */
    Map<Integer, Long> buckets() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    /**
     * The nearest-rank percentile: the ⌈percent·n/100⌉-th smallest value (its bucket's lower bound), or
     * {@code null} without samples.
     */
    Long percentile(int percent) {
        long n = total();
        if (n <= 0) {
            return null;
        }
        long rank = Math.max(1, (percent * n + 99) / 100);
        long seen = 0;
        for (var entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return lowerBound(entry.getKey());
            }
        }
        return lowerBound(counts.lastKey());
    }

    /** Varints: bucket as the gap to the previous bucket, then its count. */
    byte[] encode() {
        var out = new ByteArrayOutputStream(counts.size() * 3);
        int previous = 0;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IllegalStateException("negative count in bucket " + entry.getKey());
            }
            writeVarint(out, entry.getKey() - previous);
            writeVarint(out, entry.getValue());
            previous = entry.getKey();
        }
        return out.toByteArray();
    }

    static DurationHistogram decode(byte[] bytes) {
        var histogram = new DurationHistogram();
        if (bytes == null) {
            return histogram;
        }
        int[] position = {0};
        int bucket = 0;
        while (position[0] < bytes.length) {
            bucket += (int) readVarint(bytes, position);
            histogram.addBucket(bucket, readVarint(bytes, position));
        }
        return histogram;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(byte[] bytes, int[] position) {
        long value = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationHistogram other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
