package org.switchboard.plugins.webchat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes a visitor's waiting long polls when a reply is sent to them: the only state the channel keeps in memory.
 *
 * <p>A poll {@linkplain #subscribe subscribes} before it reads the history and waits only afterwards, so a reply
 * sent in between is never missed: the host stores an outbound message before it calls {@code send()}, so either
 * the read already sees the reply or the subscription is woken.
 *
 * <p>An entry lives only while at least one poll of that visitor waits, so visitors who left cost nothing. The
 * capacity bounds the map against a flood of polls; polls beyond it still wait, on a shared signal that only
 * {@link #close()} fires, and see new replies when their wait ends.
 */
final class WakeUpSignals implements AutoCloseable {

    private final ConcurrentHashMap<String, Waiters> waiting = new ConcurrentHashMap<>();
    private final Waiters overflow = new Waiters();
    private final int capacity;
    private volatile boolean closed;

    WakeUpSignals(int capacity) {
        this.capacity = capacity;
    }

    /** Starts listening for replies to a visitor; close the subscription when done waiting. */
    Subscription subscribe(String visitorId) {
        if (waiting.size() >= capacity && !waiting.containsKey(visitorId)) {
            return new Subscription(visitorId, overflow);
        }
        Waiters waiters = waiting.compute(visitorId, (id, current) -> {
            Waiters joined = current == null ? new Waiters() : current;
            joined.count++;
            return joined;
        });
        if (closed) {
            waiters.signal.complete(null); // closed while we registered: don't wait for a wake-up that won't come
        }
        return new Subscription(visitorId, waiters);
    }

    /** Wakes every poll waiting for this visitor. */
    void wake(String visitorId) {
        Waiters waiters = waiting.remove(visitorId);
        if (waiters != null) {
            waiters.signal.complete(null);
        }
    }

    /** Wakes every waiting poll, so requests don't hang on a connection the host is replacing. */
    @Override
    public void close() {
        closed = true;
        overflow.signal.complete(null);
        waiting.values().forEach(waiters -> waiters.signal.complete(null));
        waiting.clear();
    }

    /** How many visitors have a waiting poll; for tests and health. */
    int waitingVisitors() {
        return waiting.size();
    }

    /** One poll's interest in a visitor's replies. */
    final class Subscription implements AutoCloseable {

        private final String visitorId;
        private final Waiters waiters;

        private Subscription(String visitorId, Waiters waiters) {
            this.visitorId = visitorId;
            this.waiters = waiters;
        }

        /** Waits until a reply is sent to the visitor, the timeout passes or the signals close. */
        void await(Duration timeout) {
            try {
                waiters.signal.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // nothing was sent meanwhile: the poll answers with what it has
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("wake-up signals are never completed exceptionally", e);
            }
        }

        /** Leaves; the last poll of a visitor to leave removes the entry. */
        @Override
        public void close() {
            if (waiters == overflow) {
                return;
            }
            // Compare identities: after a wake-up the entry may already belong to a newer group of polls.
            waiting.computeIfPresent(visitorId, (id, current) ->
                    current != waiters ? current : --current.count == 0 ? null : current);
        }
    }

    /** The polls waiting for one visitor; {@code count} is only touched inside the map's atomic compute calls. */
    private static final class Waiters {
        final CompletableFuture<Void> signal = new CompletableFuture<>();
        int count;
    }
}
