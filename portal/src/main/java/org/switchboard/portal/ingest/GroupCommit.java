package org.switchboard.portal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionException;
import org.switchboard.plugin.api.channel.InboundEvent;

/**
 * Group commit for inbound deliveries: callers (webhook threads, plugins pushing mail) put their events in a
 * bounded queue and wait; a writer thread stores whatever has queued up, up to {@code maxBatch} deliveries, in one
 * transaction (one set of look-ups, one flush, one commit, one index refresh for the lot) and then answers each
 * caller. Every caller still returns only after its events are committed.
 *
 * <p>Batches form by themselves: while a writer commits one batch the next one queues, so a quiet portal commits
 * each delivery alone with no added wait, and a busy one commits many at a time. There is one queue per writer, and
 * a delivery goes to the writer its sender hashes to, so one sender's messages are never written by two writers at
 * once (they would meet each other's version check on the conversation).
 *
 * <p>When a batch fails because of one of its deliveries (a rejected event, a constraint, a concurrent write),
 * each delivery is stored again on its own, with retries, so only the faulty one fails; when the database is away,
 * all fail fast together and nothing of the batch is stored.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One caller's delivery. */
    record Request(String accountId, List<? extends InboundEvent> events, CompletableFuture<IngestResult> done) {
    }

    /** How the writer stores: a batch in one transaction, or one delivery on its own (with retries). */
    interface Store {
        /**
         * Checks a delivery on the caller's thread before it is queued.
         *
         * @throws RejectedEventException for a delivery that can never be stored
         */
        void check(String accountId, List<? extends InboundEvent> events);

        /** Which writer takes the delivery: equal for deliveries of one sender. */
        int partition(List<? extends InboundEvent> events);

        List<IngestResult> together(List<Request> batch);

        IngestResult alone(String accountId, List<? extends InboundEvent> events);
    }

    private final Store store;
    private final int maxBatch;
    private final long waitSeconds;
    private final List<BlockingQueue<Request>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(Store store, int writerCount, int maxBatch, int queueCapacity, long waitSeconds) {
        this.store = store;
        this.maxBatch = maxBatch;
        this.waitSeconds = waitSeconds;
        for (int i = 0; i < writerCount; i++) {
            queues.add(new LinkedBlockingQueue<>(Math.max(1, queueCapacity / writerCount)));
        }
    }

    boolean running() {
        return running;
    }

    void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Request> queue = queues.get(i);
            writers.add(Thread.ofPlatform().daemon().name("ingest-writer-" + i).start(() -> loop(queue)));
        }
    }

    /** Stops taking deliveries, stores what is queued, and waits for the writers to finish. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.interrupt();
        }
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        // Whatever is still queued (a writer was interrupted mid-wait) is stored by this thread.
        for (BlockingQueue<Request> queue : queues) {
            List<Request> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(this::storeAlone);
        }
    }

    /** Stores the events with the next batch and returns once committed. */
    IngestResult submit(String accountId, List<? extends InboundEvent> events) {
        store.check(accountId, events);
        Request request = new Request(accountId, events, new CompletableFuture<>());
        BlockingQueue<Request> queue = queues.get(Math.floorMod(store.partition(events), queues.size()));
        try {
            if (!queue.offer(request, 1, TimeUnit.SECONDS)) {
                throw new TransientDataAccessResourceException("the ingest queue is full; retry later");
            }
            return request.done().get(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("interrupted while storing", e);
        } catch (TimeoutException e) {
            // The writer may still commit it later: the provider's retry is then recognised as a duplicate.
            throw new TransientDataAccessResourceException("storing took longer than " + waitSeconds + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop(BlockingQueue<Request> queue) {
        List<Request> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                storeBatch(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    batch.stream().filter(r -> !r.done().isDone()).forEach(this::storeAlone);
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Ingest writer failed on a batch of {}", batch.size(), e);
                batch.forEach(r -> r.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    void storeBatch(List<Request> batch) {
        if (batch.size() == 1) {
            storeAlone(batch.getFirst());
            return;
        }
        List<IngestResult> results;
        try {
            results = store.together(batch);
        } catch (RejectedEventException | DataIntegrityViolationException | ConcurrencyFailureException e) {
            log.debug("A batch of {} failed on one delivery ({}); storing each alone", batch.size(), e.toString());
            batch.forEach(this::storeAlone);
            return;
        } catch (DataAccessException | TransactionException e) {
            // The database is away: retrying each would only multiply the waiting. Nothing of the batch committed.
            batch.forEach(r -> r.done().completeExceptionally(e));
            return;
        } catch (RuntimeException e) {
            // A fault in the code on one delivery's data: it should fail that delivery alone, not its neighbours.
            log.warn("A batch of {} failed; storing each alone", batch.size(), e);
            batch.forEach(this::storeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    private void storeAlone(Request request) {
        try {
            request.done().complete(store.alone(request.accountId(), request.events()));
        } catch (RuntimeException e) {
            request.done().completeExceptionally(e);
        }
    }
}
