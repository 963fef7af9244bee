package org.switchboard.portal.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.portal.Workers;

/**
 * Changed conversations waiting for one worker that handles them in batches (SLA evaluation, routing, automation's
 * update checks): each conversation waits at most once however often it changes meanwhile, and they are taken in
 * arrival order, so none starves under load. The queue keeps the order and the set makes the "already waiting"
 * check O(1).
 *
 * <p>Scheduling stays with the caller: {@link #add} or a {@link #take} that left some behind tells it to schedule a
 * drain ({@link #claimDrain}), and at most one drain is scheduled at a time. A drain takes only the conversations
 * queued before it was claimed: on a worker that runs its tasks in order, a change is therefore handled after every
 * task queued before the change (automation starts watching a new conversation in such a task, and its update check
 * must not come first). What is queued later waits for the next drain.
 *
 * <p>Drains are paced: after a drain that caught up, the next one starts no sooner than {@code pace} after it. A
 * burst of changes then waits a moment and is handled by one drain (one query for many conversations) instead of by
 * one drain per committed transaction, each a query of its own; under steady ingestion that was most of these
 * workers' database time. A drain that had to leave some of its share behind is followed at once, so a backlog is
 * never paced.
 */
public final class ChangedConversations {

    private record Waiting(long conversationId, long sequence) {
    }

    private final Queue<Waiting> queued = new ConcurrentLinkedQueue<>();
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /* The last sequence number the scheduled drain may take; written by the claimer before it schedules the drain. */
    private volatile long claimedUpTo;
    private final long paceNanos;
    /* Written and read by the one draining thread at a time; as if a drain had just been due: the first never waits. */
    private volatile long lastTakeNanos;
    private volatile boolean backlog;

    /** @param pace the least time between the starts of two drains while the queue keeps up (zero: no pacing) */
    public ChangedConversations(Duration pace) {
        this.paceNanos = pace.toNanos();
        this.lastTakeNanos = System.nanoTime() - paceNanos;
    }

    /** Queues the conversation unless it waits already; true when it was queued now. */
    public boolean add(long conversationId) {
        if (!waiting.add(conversationId)) {
            return false;
        }
        queued.add(new Waiting(conversationId, sequence.incrementAndGet()));
        return true;
    }

    /**
     * True when the caller is to schedule a drain now: none is scheduled and something waits. The drain will take
     * what is queued at this moment.
     */
    public boolean claimDrain() {
        if (queued.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
            return false;
        }
        claimedUpTo = sequence.get();
        return true;
    }

    /** The drain the caller claimed could not be scheduled; what waits stays for the next claim. */
    public void drainNotScheduled() {
        drainScheduled.set(false);
    }

    /**
     * At the start of the claimed drain: the oldest conversations queued before the claim, at most {@code max}, once
     * the pace allows (this may sleep). A change from here on queues the conversation again and lets the next
     * {@link #claimDrain} succeed.
     */
    public List<Long> take(int max) {
        if (!backlog) {
            awaitPace();
        }
        return takeNow(max, claimedUpTo);
    }

    private List<Long> takeNow(int max, long upTo) {
        drainScheduled.set(false);
        List<Long> batch = new ArrayList<>();
        for (Waiting head = queued.peek(); head != null && head.sequence() <= upTo && batch.size() < max;
                head = queued.peek()) {
            // One drain at a time takes, and others only append: the head looked at is the one removed.
            queued.poll();
            waiting.remove(head.conversationId());
            batch.add(head.conversationId());
        }
        Waiting next = queued.peek();
        backlog = next != null && next.sequence() <= upTo;
        lastTakeNanos = System.nanoTime();
        return batch;
    }

    private void awaitPace() {
        long wait = lastTakeNanos + paceNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                // Shutting down: take what waits now.
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns once {@code worker} (the in-order worker the drains run on) has run everything submitted before, and
     * no conversation waits, for at most 30 s (for tests that check that something did not happen). One round is not
     * enough: a change made after the pending drain was claimed waits for a drain queued after it.
     *
     * @param name the worker, for the error when it does not get idle
     */
    public void awaitDrained(ExecutorService worker, String name) {
        Workers.awaitIdleWhile(worker, () -> !queued.isEmpty(), name);
    }

    /** Forgets everything waiting (the worker is gone); returns how many were dropped. */
    public int clear() {
        return takeNow(Integer.MAX_VALUE, Long.MAX_VALUE).size();
    }
}
