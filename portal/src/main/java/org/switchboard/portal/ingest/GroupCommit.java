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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.switchboard.plugin.api.channel.InboundEvent;

/**
 * Group commit for webhook deliveries: concurrent deliveries wait in a queue while a writer thread stores
 * whatever has queued up in one transaction (one flush, one commit, one index refresh for the lot), then answers
 * each caller. Every caller still returns only after its events are committed.
 *
 * <p>Batches form by themselves: while the writer commits one batch the next one queues, so a quiet portal
 * commits each delivery alone with no added wait, and a busy one commits many at a time. When a batch fails
 * because of one of its deliveries (a rejected event, a constraint or a concurrent write), each delivery is
 * stored again on its own so only the faulty one fails; when the database is away, all fail fast together.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One caller's delivery. */
    record Request(String accountId, List<? extends InboundEvent> events, CompletableFuture<IngestResult> done) {
    }

    /** How the writer stores: a batch in one transaction, or one delivery on its own (with retries). */
    interface Store {
        List<IngestResult> together(List<Request> batch);

        IngestResult alone(String accountId, List<? extends InboundEvent> events);
    }

    private final Store store;
    private final int maxBatch;
    private final int writerCount;
    private final long waitSeconds;
    private final BlockingQueue<Request> queue;
    private volatile boolean running;
    private final List<Thread> writers = new ArrayList<>();

    GroupCommit(Store store, int writerCount, int maxBatch, int queueCapacity, long waitSeconds) {
        this.store = store;
        this.writerCount = writerCount;
        this.maxBatch = maxBatch;
        this.waitSeconds = waitSeconds;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
    }

    boolean running() {
        return running;
    }

    void start() {
        running = true;
        for (int i = 0; i < writerCount; i++) {
            writers.add(Thread.ofPlatform().daemon().name("ingest-writer-" + i).start(this::loop));
        }
    }

    /** Stops taking deliveries, stores what is queued, and waits for the writer to finish. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.interrupt();
        }
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        // Whatever is still queued (the writer was interrupted mid-wait) is stored by this thread.
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(this::storeAlone);
    }

    /** Stores the events with the next batch and returns once committed. */
    IngestResult submit(String accountId, List<? extends InboundEvent> events) {
        Request request = new Request(accountId, events, new CompletableFuture<>());
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

    private void loop() {
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
                    batch.forEach(this::storeAlone);
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

    private void storeBatch(List<Request> batch) {
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
        } catch (RuntimeException e) {
            // The database is away (or worse): retrying each would only multiply the waiting.
            batch.forEach(r -> r.done().completeExceptionally(e));
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
