package org.switchboard.portal.sla;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.conversation.ChangedConversations;
import org.switchboard.portal.conversation.ConversationChanged;

/**
 * Re-evaluates a conversation's SLA after every committed change, on one worker of its own: the committing thread
 * (a webhook, an agent's click) never waits for it, and a failure here never reaches it. Changes to the same
 * conversation that arrive while it waits are evaluated once. The worker takes what has queued up at once (at most
 * {@value #BATCH} conversations), so under load one query screens many conversations instead of one each
 * ({@link SlaTracker#evaluateAll}). A failed evaluation (the database briefly away, a concurrent evaluation) is kept
 * and tried again at the next check ({@link SlaCheck}).
 */
@Component
class SlaTriggers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlaTriggers.class);
    static final int BATCH = 200;
    /* A burst of changes is looked at together, a moment later, rather than one query per committed batch. */
    private static final Duration PACE = Duration.ofMillis(100);

    private final SlaTracker tracker;
    private final ChangedConversations queued = new ChangedConversations(PACE);
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    /** Evaluations queued or running: the worker's backlog, for health checks and tests waiting for quiet. */
    private final AtomicInteger backlog = new AtomicInteger();
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
        if (queued.add(conversationId)) {
            backlog.incrementAndGet();
            scheduleDrain();
        }
    }

    /** Queues again the evaluations that failed since the last call. */
    void retryFailed() {
        for (Long id : Set.copyOf(failed)) {
            failed.remove(id);
            submit(id);
        }
    }

    private void scheduleDrain() {
        if (!queued.claimDrain()) {
            return;
        }
        try {
            worker.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            queued.drainNotScheduled();
            backlog.addAndGet(-queued.clear());
        }
    }

    private void drain() {
        // A change committed while this evaluation runs queues the conversation again.
        List<Long> batch = queued.take(BATCH);
        scheduleDrain();
        if (batch.isEmpty()) {
            return;
        }
        try {
            failed.addAll(tracker.evaluateAll(batch));
        } catch (RuntimeException e) {
            failed.addAll(batch);
            log.warn("SLA evaluation of {} conversations failed; trying again at the next check: {}", batch.size(),
                    e.toString());
        } finally {
            backlog.addAndGet(-batch.size());
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
