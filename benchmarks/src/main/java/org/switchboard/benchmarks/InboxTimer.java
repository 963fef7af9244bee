package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Times calls: warm-up calls first (a fifth of the measured ones, at least 50), then one sample per call. */
final class InboxTimer {

    /** Something to time; any exception ends the run (a wrong answer is not a timing). */
    interface Call {
        void run() throws Exception;
    }

    private InboxTimer() {
    }

    static Histogram measure(int iterations, Call call) {
        return measure(Math.max(50, iterations / 5), iterations, call);
    }

    static Histogram measure(int warmup, int iterations, Call call) {
        try {
            for (int i = 0; i < warmup; i++) {
                call.run();
            }
            Histogram nanos = new Histogram(600_000_000_000L, 3);
            for (int i = 0; i < iterations; i++) {
                long started = System.nanoTime();
                call.run();
                nanos.recordValue(System.nanoTime() - started);
            }
            return nanos;
        } catch (Exception e) {
            throw new IllegalStateException("a timed call failed", e);
        }
    }

    /**
     * Times several calls in turn, call by call (A, B, C, A, B, C, …), so that a burst of load from elsewhere on the
     * machine hits all of them alike and their ratio stays fair.
     */
    static List<Histogram> interleaved(int iterations, List<Call> calls) {
        return interleaved(iterations, calls, () -> { });
    }

    /** As above; {@code afterWarmUp} runs between the warm-up and the measured calls. */
    static List<Histogram> interleaved(int iterations, List<Call> calls, Runnable afterWarmUp) {
        try {
            for (int i = 0; i < Math.max(50, iterations / 5); i++) {
                for (Call call : calls) {
                    call.run();
                }
            }
            afterWarmUp.run();
            List<Histogram> nanos = new ArrayList<>();
            for (int c = 0; c < calls.size(); c++) {
                nanos.add(new Histogram(600_000_000_000L, 3));
            }
            for (int i = 0; i < iterations; i++) {
                for (int c = 0; c < calls.size(); c++) {
                    long started = System.nanoTime();
                    calls.get(c).run();
                    nanos.get(c).recordValue(System.nanoTime() - started);
                }
            }
            return nanos;
        } catch (Exception e) {
            throw new IllegalStateException("a timed call failed", e);
        }
    }

    static double ms(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e6;
    }

    static double maxMs(Histogram nanos) {
        return nanos.getMaxValue() / 1e6;
    }
}
