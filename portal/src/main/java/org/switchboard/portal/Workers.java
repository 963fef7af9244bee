package org.switchboard.portal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Waiting for the single-thread workers that run the portal's background tasks in order (AI, CSAT, routing,
 * automation): for tests that check that something did not happen, or that must not race what such a worker does.
 */
public final class Workers {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Workers() {
    }

    /**
     * Returns once {@code worker} has run everything submitted before, for at most 30 s.
     *
     * @param name the worker, for the error when it does not get idle
     * @throws IllegalStateException when it did not get idle in time
     */
    public static void awaitIdle(ExecutorService worker, String name) {
        awaitIdleWhile(worker, () -> false, name);
    }

    /**
     * As {@link #awaitIdle}, then again while {@code more} says work still waits that was handed over after the
     * task waited for (its own drain is queued later), all within the same 30 s.
     */
    public static void awaitIdleWhile(ExecutorService worker, BooleanSupplier more, String name) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            do {
                worker.submit(() -> { }).get(LIMIT.toNanos(), TimeUnit.NANOSECONDS);
            } while (more.getAsBoolean() && System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " did not get idle", e);
        }
    }
}
