package org.switchboard.portal.csat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.Workers;
import org.switchboard.portal.conversation.ConversationChanged;

/**
 * When surveys are made and sent: after a status change commits (a resolution is one), and on a periodic sweep
 * that sends delayed surveys when they are due. Everything runs on one CSAT thread, so a resolve never waits for a
 * survey nor fails because of one.
 */
@Component
class CsatTriggers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CsatTriggers.class);
    private static final int QUEUE = 10_000;
    /* Surveys go out within a day of the resolution or not at all (SurveySender.GIVE_UP_AFTER). */
    private static final java.time.Duration CATCH_UP_WINDOW = SurveySender.GIVE_UP_AFTER;

    private final SurveySender sender;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), task -> {
                Thread thread = new Thread(task, "csat");
                thread.setDaemon(true);
                return thread;
            });

    CsatTriggers(SurveySender sender) {
        this.sender = sender;
    }

    /* Only status changes can be a resolution; messages and receipts are not. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void conversationChanged(ConversationChanged change) {
        long id = change.conversationId();
        if (change.change() == ConversationChanged.Change.STATUS && waiting.add(id)) {
            submit("conversation #" + id, () -> {
                waiting.remove(id);
                sender.conversationChanged(id);
            }, () -> waiting.remove(id));
        }
    }

    @Scheduled(fixedDelayString = "${switchboard.csat.sweep-interval:30s}",
            initialDelayString = "${switchboard.csat.sweep-interval:30s}")
    void sweep() {
        submit("due surveys", sender::sendDue, () -> { });
    }

    /** Surveys of recent resolutions whose trigger was lost (a stop right after the commit, a full queue). */
    @Scheduled(fixedDelayString = "${switchboard.csat.catch-up-interval:10m}",
            initialDelayString = "${switchboard.csat.catch-up-delay:1m}")
    void catchUp() {
        submit("lost resolutions", () -> sender.catchUp(CATCH_UP_WINDOW), () -> { });
    }

    /** Returns once everything submitted before has run (for tests that check that something did not happen). */
    void awaitIdle() {
        Workers.awaitIdle(worker, "the CSAT thread");
    }

    private void submit(String what, Runnable task, Runnable dropped) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // The database may be away; a resolution missed here gets no survey, a due one waits for the
                    // next sweep.
                    log.warn("CSAT work failed for {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            dropped.run();
            log.warn("CSAT cannot keep up; dropped the work for {}", what);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
