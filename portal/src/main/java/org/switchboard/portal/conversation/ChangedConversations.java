package org.switchboard.portal.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Changed conversations waiting for one worker that handles them in batches (SLA evaluation, routing): each
 * conversation waits at most once however often it changes meanwhile, and they are taken in arrival order, so none
 * starves under load. The queue keeps the order and the set makes the "already waiting" check O(1).
 *
 * <p>Scheduling stays with the caller: {@link #add} or a {@link #take} that left some behind tells it to schedule a
 * drain, and at most one drain is scheduled at a time.
 *
 * <p>Drains are paced: after a drain that took everything waiting, the next one starts no sooner than {@code pace}
 * after it. A burst of changes then waits a moment and is handled by one drain (one query for many conversations)
 * instead of by one drain per committed transaction, each a query of its own; under steady ingestion that was most
 * of the worker's database time. A drain that left some behind is followed at once, so a backlog is never paced.
 */
public final class ChangedConversations {

    private final Queue<Long> queued = new ConcurrentLinkedQueue<>();
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final long paceNanos;
    /* Written and read by the one draining thread at a time. */
    private volatile long lastTakeNanos = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile boolean backlog;

    /** @param pace the least time between the starts of two drains while the queue keeps up (zero: no pacing) */
    public ChangedConversations(Duration pace) {
        this.paceNanos = pace.toNanos();
    }

    /** Queues the conversation unless it waits already; true when it was queued now. */
    public boolean add(long conversationId) {
        if (!waiting.add(conversationId)) {
            return false;
        }
        queued.add(conversationId);
        return true;
    }

    /** True when the caller is to schedule a drain now: none is scheduled and something waits. */
    public boolean claimDrain() {
        return !queued.isEmpty() && drainScheduled.compareAndSet(false, true);
    }

    /** The drain the caller claimed could not be scheduled; what waits stays for the next claim. */
    public void drainNotScheduled() {
        drainScheduled.set(false);
    }

    /**
     * At the start of a drain: the oldest waiting conversations, at most {@code max}, once the pace allows (this
     * may sleep). A change from here on queues the conversation again and lets the next {@link #claimDrain}
     * succeed.
     */
    public List<Long> take(int max) {
        if (!backlog) {
            awaitPace();
        }
        return takeNow(max);
    }

    private List<Long> takeNow(int max) {
        drainScheduled.set(false);
        List<Long> batch = new ArrayList<>();
        for (Long id = queued.poll(); id != null; id = batch.size() < max ? queued.poll() : null) {
            waiting.remove(id);
            batch.add(id);
        }
        lastTakeNanos = System.nanoTime();
        backlog = !queued.isEmpty();
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

    /** Forgets everything waiting (the worker is gone); returns how many were dropped. */
    public int clear() {
        List<Long> dropped = takeNow(Integer.MAX_VALUE);
        return dropped.size();
    }
}
