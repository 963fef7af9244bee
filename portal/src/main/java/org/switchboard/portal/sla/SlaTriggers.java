package org.switchboard.portal.sla;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.conversation.ConversationChanged;

/**
 * Re-evaluates a conversation's SLA after every committed change, on one worker of its own: the committing thread
 * (a webhook, an agent's click) never waits for it, and a failure here never reaches it. Changes to the same
 * conversation that arrive while it waits are evaluated once. A failed evaluation (the database briefly away, a
 * concurrent evaluation) is kept and tried again at the next check ({@link SlaCheck}).
 */
@Component
class SlaTriggers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlaTriggers.class);

    private final SlaTracker tracker;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    /** Evaluations queued or running: the worker's backlog, for health checks and tests waiting for quiet. */
    private final java.util.concurrent.atomic.AtomicInteger backlog = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("sla-evaluation-", 0).factory());

    SlaTriggers(SlaTracker tracker) {
        this.tracker = tracker;
    }

    /* Delivery receipts change nothing an SLA measures. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(ConversationChanged change) {
        if (change.change() != ConversationChanged.Change.MESSAGE_STATUS) {
            submit(change.conversationId());
        }
    }

    /** Queues an evaluation unless one for the conversation is already waiting. */
    void submit(long conversationId) {
        if (!waiting.add(conversationId)) {
            return;
        }
        backlog.incrementAndGet();
        try {
            worker.execute(() -> run(conversationId));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            waiting.remove(conversationId);
            backlog.decrementAndGet();
        }
    }

    /** Queues again the evaluations that failed since the last call. */
    void retryFailed() {
        for (Long id : Set.copyOf(failed)) {
            failed.remove(id);
            submit(id);
        }
    }

    private void run(long conversationId) {
        // Removed first: a change committed while this evaluation runs queues another one.
        waiting.remove(conversationId);
        try {
            tracker.evaluate(conversationId);
        } catch (RuntimeException e) {
            failed.add(conversationId);
            log.warn("SLA evaluation of conversation {} failed; trying again at the next check: {}", conversationId,
                    e.toString());
        } finally {
            backlog.decrementAndGet();
        }
    }

    int backlog() {
        return backlog.get();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
