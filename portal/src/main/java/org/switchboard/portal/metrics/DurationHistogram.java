package org.switchboard.portal.metrics;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sparse histogram of durations in whole seconds. Below 1,000 s every second is its own bucket (exact); from
 * 1,000 s on, buckets keep three significant digits (10 s wide up to 9,990 s, 100 s up to 99,900 s, …), so a value
 * read back as its bucket's lower bound is at most 1% low. Percentiles are nearest-rank. Counts may go negative
 * while a delta is being built (old facts subtracted); stored histograms never are.
 *
 * <p>Also used for plain small-integer distributions (hour of day), whose values are below 1,000 and so exact.
 * Kept as sorted parallel arrays: adding another histogram is one linear merge (dashboards add thousands).
 */
final class DurationHistogram {

    private static final int EXACT = 1000;
    private static final int PER_DECADE = 900;

    private int[] buckets = new int[0];
    private long[] counts = new long[0];
    private int size;

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
        if (n == 0) {
            return;
        }
        int at = Arrays.binarySearch(buckets, 0, size, bucket);
        if (at >= 0) {
            counts[at] += n;
            if (counts[at] == 0) {
                System.arraycopy(buckets, at + 1, buckets, at, size - at - 1);
                System.arraycopy(counts, at + 1, counts, at, size - at - 1);
                size--;
            }
            return;
        }
        int insert = -at - 1;
        grow(size + 1);
        System.arraycopy(buckets, insert, buckets, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        buckets[insert] = bucket;
        counts[insert] = n;
        size++;
    }

    /**
     * Adds (sign 1) or subtracts (sign -1) another histogram: a few buckets one by one (mostly an increment found
     * by binary search), many in one merge of two sorted lists.
     */
    void add(DurationHistogram other, int sign) {
        if (other.size == 0) {
            return;
        }
        if (other.size <= 8 || other.size * 8L < size) {
            for (int k = 0; k < other.size; k++) {
                addBucket(other.buckets[k], sign * other.counts[k]);
            }
            return;
        }
        int[] mergedBuckets = new int[size + other.size];
        long[] mergedCounts = new long[size + other.size];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size || j < other.size) {
            int bucket;
            long count;
            if (j >= other.size || i < size && buckets[i] < other.buckets[j]) {
                bucket = buckets[i];
                count = counts[i++];
            } else if (i >= size || other.buckets[j] < buckets[i]) {
                bucket = other.buckets[j];
                count = sign * other.counts[j++];
            } else {
                bucket = buckets[i];
                count = counts[i++] + sign * other.counts[j++];
            }
            if (count != 0) {
                mergedBuckets[n] = bucket;
                mergedCounts[n++] = count;
            }
        }
        buckets = mergedBuckets;
        counts = mergedCounts;
        size = n;
    }

    private void grow(int needed) {
        if (needed > buckets.length) {
            int capacity = Math.max(needed, buckets.length * 2 + 4);
            buckets = Arrays.copyOf(buckets, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    long total() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        return total;
    }

    /** The count of one bucket (0 when empty). */
    long count(int bucket) {
        int at = Arrays.binarySearch(buckets, 0, size, bucket);
        return at >= 0 ? counts[at] : 0;
    }

    /** Count per bucket, ascending. */
    Map<Integer, Long> buckets() {
        Map<Integer, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(buckets[i], counts[i]);
        }
        return map;
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
        for (int i = 0; i < size; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return lowerBound(buckets[i]);
            }
        }
        return lowerBound(buckets[size - 1]);
    }

    /** Varints: bucket as the gap to the previous bucket, then its count. */
    byte[] encode() {
        var out = new ByteArrayOutputStream(size * 3);
        int previous = 0;
        for (int i = 0; i < size; i++) {
            if (counts[i] < 0) {
                throw new IllegalStateException("negative count in bucket " + buckets[i]);
            }
            writeVarint(out, buckets[i] - previous);
            writeVarint(out, counts[i]);
            previous = buckets[i];
        }
        return out.toByteArray();
    }

    static DurationHistogram decode(byte[] bytes) {
        var histogram = new DurationHistogram();
        if (bytes == null || bytes.length == 0) {
            return histogram;
        }
        int[] position = {0};
        int bucket = 0;
        histogram.grow(bytes.length / 2 + 1);
        while (position[0] < bytes.length) {
            bucket += (int) readVarint(bytes, position);
            histogram.buckets[histogram.size] = bucket;
            histogram.counts[histogram.size++] = readVarint(bytes, position);
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
        return o instanceof DurationHistogram other && size == other.size
                && Arrays.equals(buckets, 0, size, other.buckets, 0, size)
                && Arrays.equals(counts, 0, size, other.counts, 0, size);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(Arrays.copyOf(buckets, size)) + Arrays.hashCode(Arrays.copyOf(counts, size));
    }

    @Override
    public String toString() {
        return buckets().toString();
    }
}
