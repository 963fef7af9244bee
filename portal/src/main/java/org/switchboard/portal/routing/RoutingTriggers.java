package org.switchboard.portal.routing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.conversation.ChangedConversations;
import org.switchboard.portal.conversation.ConversationChanged;

/**
 * What makes the router look: after commit, a conversation changed (created, a customer's message, moved to a
 * team, reopened, woken, resolved: the router checks its state, not the kind of change), an agent's availability
 * changed, a routing setting changed; and a periodic sweep as a safety net (a restart loses queued work). The work
 * runs on one routing thread, so neither ingestion nor an agent's click ever waits for it or fails because of it;
 * changes that queue up while it is busy are looked at together ({@link AutoAssigner#conversationsChanged});
 * correctness under concurrency comes from the database locks in {@link AutoAssigner}, not from this thread.
 */
@Component
class RoutingTriggers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutingTriggers.class);
    private static final int QUEUE = 10_000;
    private static final int BATCH = 200;
    /* A burst of changes is looked at together, a moment later, rather than one query per committed batch. */
    private static final Duration PACE = Duration.ofMillis(100);

    private final AutoAssigner assigner;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), task -> {
                Thread thread = new Thread(task, "routing");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicLong dropped = new AtomicLong();
    private final ChangedConversations changed = new ChangedConversations(PACE);

    RoutingTriggers(AutoAssigner assigner) {
        this.assigner = assigner;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void conversationChanged(ConversationChanged change) {
        if (change.change() != ConversationChanged.Change.MESSAGE_STATUS && changed.add(change.conversationId())) {
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        // Not scheduled (queue full, shutting down): the changes stay queued for the next change or the sweep.
        if (changed.claimDrain() && !submit("changed conversations", this::drainChanged)) {
            changed.drainNotScheduled();
        }
    }

    /**
     * Takes the changed conversations queued so far (at most {@value #BATCH}) and looks at them together; those
     * changed again meanwhile are looked at once. Under load one query thus covers many conversations.
     */
    private void drainChanged() {
        // A change committed while this runs queues the conversation again.
        List<Long> batch = changed.take(BATCH);
        scheduleDrain();
        assigner.conversationsChanged(batch);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void availabilityChanged(AvailabilityChanged change) {
        switch (change.status()) {
            case ONLINE -> submit("agent #" + change.agentId() + " online",
                    () -> assigner.drainTeamsOf(change.agentId()));
            case OFFLINE -> submit("agent #" + change.agentId() + " offline",
                    () -> assigner.releaseOffline(change.agentId()));
            case AWAY -> {
                // Keeps their conversations and gets no new ones: nothing to do.
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void settingsChanged(RoutingSettingsChanged change) {
        if (change.teamId() != null) {
            submit("team #" + change.teamId(), () -> assigner.drainTeam(change.teamId()));
        }
        if (change.agentId() != null) {
            submit("agent #" + change.agentId() + " capacity", () -> assigner.drainTeamsOf(change.agentId()));
        }
    }

    @Scheduled(fixedDelayString = "${switchboard.routing.sweep-interval:60s}",
            initialDelayString = "${switchboard.routing.sweep-interval:60s}")
    void sweep() {
        submit("sweep", assigner::drainAll);
    }

    /**
     * Returns once everything submitted before, and every change waiting, has run (for tests that check that
     * something did not happen).
     */
    void awaitIdle() {
        changed.awaitDrained(worker, "the routing thread");
    }

    /** Runs the task on the routing thread; false when it could not be queued. */
    private boolean submit(String what, Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // The database may be away or a conversation gone; the next trigger or the sweep tries again.
                    log.warn("Routing failed for {}: {}", what, e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            if (dropped.getAndIncrement() % 1000 == 0) {
                log.warn("Routing cannot keep up; dropped {} triggers so far (the sweep assigns what waits)",
                        dropped.get());
            }
            return false;
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
