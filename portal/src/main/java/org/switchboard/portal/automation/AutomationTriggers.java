package org.switchboard.portal.automation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.portal.conversation.ChangedConversations;
import org.switchboard.portal.conversation.ConversationChanged;
import org.switchboard.portal.conversation.ConversationEventRecorded;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.CustomerMessageStored;

/**
 * Turns conversation events into rule jobs. Events are gathered while their transaction runs and queued only once
 * it has committed (a rolled-back change triggers nothing), in a fixed order per transaction (a new conversation's
 * rules before its first message's); one worker thread with a bounded queue runs them, so neither ingestion nor an
 * agent's click ever waits for rules or fails because of them. Events published while rules are applied are no
 * triggers ({@link RuleRun}).
 *
 * <p>Nothing is lost in a stop or to a full queue, only delayed until the catch-up: event triggers with enabled
 * rules are written in the causing transaction ({@link PendingTriggers}) and run again if they did not run; update
 * triggers are found again by comparing conversations with their baselines ({@link Baselines#drifted}).
 */
@Component
class AutomationTriggers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AutomationTriggers.class);
    /* Resolutions older than a day are not looked at again; at most this many conversations per catch-up. */
    private static final Duration CATCH_UP_WINDOW = Duration.ofDays(1);
    private static final int CATCH_UP_LIMIT = 1_000;
    /* A pending trigger this old that is not queued here did not run (single node: see docs/automation.md). */
    private static final Duration PENDING_GRACE = Duration.ofMinutes(1);
    /* Update checks of a burst of transactions are one job a moment later (one baseline read for all of them). */
    private static final Duration UPDATE_CHECK_PACE = Duration.ofMillis(100);
    private static final int UPDATE_CHECK_BATCH = 500;

    private final AutomationEngine engine;
    private final ThreadPoolExecutor worker;
    private final AtomicLong dropped = new AtomicLong();
    private final Baselines baselines;
    private final PendingTriggers pending;
    private final AutomationRules rules;
    private final Clock clock;
    /** Pending triggers queued on this node and not run yet. */
    private final Set<String> queuedPending = ConcurrentHashMap.newKeySet();
    /** Conversations waiting for their update check. */
    private final ChangedConversations updateChecks = new ChangedConversations(UPDATE_CHECK_PACE);

    AutomationTriggers(AutomationEngine engine, AutomationProperties properties, Baselines baselines,
            PendingTriggers pending, AutomationRules rules, Clock clock) {
        this.engine = engine;
        this.baselines = baselines;
        this.pending = pending;
        this.rules = rules;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                Thread.ofPlatform().daemon().name("automation").factory());
    }

    @EventListener
    void customerMessage(CustomerMessageStored stored) {
        collect(new AutomationJob(AutomationTrigger.MESSAGE_CREATED, stored.conversationId(), stored.messageId(),
                stored.accountId()));
    }

    /* Delivery receipts change nothing rules look at; anything else may have changed a watched attribute. */
    @EventListener
    void conversationChanged(ConversationChanged change) {
        switch (change.change()) {
            case CREATED -> collect(AutomationJob.of(AutomationTrigger.CONVERSATION_CREATED, change.conversationId()));
            case MESSAGE_ADDED, STATUS -> collect(AutomationJob.of(AutomationTrigger.CONVERSATION_UPDATED,
                    change.conversationId()));
            case MESSAGE_STATUS -> {
                // nothing to do
            }
        }
    }

    @EventListener
    void eventRecorded(ConversationEventRecorded recorded) {
        if (recorded.type() == ConversationEventType.SLA_BREACHED) {
            collect(AutomationJob.of(AutomationTrigger.SLA_BREACHED, recorded.conversationId()));
        }
    }

    /* Runs inside the publisher's transaction: it must never throw, or the customer's message would roll back. */
    private void collect(AutomationJob job) {
        try {
            if (RuleRun.active()) {
                return;
            }
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                submit(job);
                return;
            }
            Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
            if (batch != null && batch.flushed) {
                // Published after the commit (by another listener of the same transaction): nothing to wait for.
                submit(job);
                return;
            }
            if (batch == null) {
                batch = new Batch();
                TransactionSynchronizationManager.bindResource(this, batch);
                TransactionSynchronizationManager.registerSynchronization(batch);
            }
            batch.jobs.add(job);
        } catch (RuntimeException e) {
            log.warn("Automation could not note {} on conversation {}: {}", job.trigger(), job.conversationId(),
                    e.toString());
        }
    }

    private void submit(AutomationJob job) {
        queue(() -> engine.run(job), 1);
    }

    /*
     * One job for many conversations' update checks, those of every transaction committed until it starts: their
     * baselines are compared in one read. A conversation already waiting is checked once.
     */
    private void submitUpdateChecks(List<Long> conversationIds) {
        conversationIds.forEach(updateChecks::add);
        scheduleUpdateChecks();
    }

    private void scheduleUpdateChecks() {
        // Not queued (the queue is full): they stay waiting for the next transaction's checks, or the catch-up.
        if (updateChecks.claimDrain() && !queue(this::runUpdateChecks, 0)) {
            updateChecks.drainNotScheduled();
        }
    }

    private void runUpdateChecks() {
        List<Long> batch = updateChecks.take(UPDATE_CHECK_BATCH);
        scheduleUpdateChecks();
        if (!batch.isEmpty()) {
            engine.runUpdateChecks(batch);
        }
    }

    /* One job for the new conversations of one transaction: their baselines are started in one statement. */
    private void submitCreated(List<Long> conversationIds) {
        if (!conversationIds.isEmpty()) {
            queue(() -> engine.runCreated(conversationIds), conversationIds.size());
        }
    }

    /* Runs the job, then marks it done; unless it is queued here already (the catch-up found it waiting). */
    private void submit(PendingTriggers.PendingJob job) {
        if (!queuedPending.add(job.id())) {
            return;
        }
        boolean queued = queue(() -> {
            try {
                engine.run(job.job());
                pending.done(job.id());
            } catch (RuntimeException e) {
                log.warn("Automation could not mark {} on conversation {} done; it may run again: {}",
                        job.job().trigger(), job.job().conversationId(), e.toString());
            } finally {
                queuedPending.remove(job.id());
            }
        }, 1);
        if (!queued) {
            queuedPending.remove(job.id());
        }
    }

    private boolean queue(Runnable job, int triggers) {
        try {
            worker.execute(job);
            return true;
        } catch (RejectedExecutionException full) {
            long before = dropped.getAndAdd(triggers);
            if (triggers > 0 && (before == 0 || before / 1_000 != (before + triggers) / 1_000)) {
                log.warn("Automation cannot keep up: {} triggers not queued so far (rules on events run at the next"
                        + " catch-up, update rules when it finds the change)", before + triggers);
            }
            return false;
        }
    }

    /**
     * Queues an update check for every conversation whose trigger was lost (see {@link Baselines#drifted}): rules
     * watching updates then act as they would have, once. Runs a minute after start and every 10 minutes. Event
     * triggers are recovered by {@link #replayPending()}.
     *
     * @return the conversations queued
     */
    @Scheduled(fixedDelayString = "${switchboard.automation.catch-up-interval:10m}",
            initialDelayString = "${switchboard.automation.catch-up-delay:1m}")
    List<Long> catchUp() {
        try {
            List<Long> drifted = baselines.drifted(clock.instant().minus(CATCH_UP_WINDOW), CATCH_UP_LIMIT);
            submitUpdateChecks(drifted);
            if (!drifted.isEmpty()) {
                log.info("Automation: {} conversations changed without their update check running; checking now",
                        drifted.size());
            }
            return drifted;
        } catch (RuntimeException e) {
            log.warn("Automation catch-up failed (next try at the next interval): {}", e.toString());
            return List.of();
        }
    }

    /**
     * Runs the event triggers that were written but did not run: the portal stopped between their commit and the
     * worker, or the queue was full. Each runs once more, then counts as done. Runs a minute after start and every
     * 10 minutes, like {@link #catchUp()}.
     *
     * @return how many were queued
     */
    @Scheduled(fixedDelayString = "${switchboard.automation.catch-up-interval:10m}",
            initialDelayString = "${switchboard.automation.catch-up-delay:1m}")
    int replayPending() {
        try {
            List<PendingTriggers.PendingJob> waiting = pending.writtenBefore(clock.instant().minus(PENDING_GRACE),
                    CATCH_UP_LIMIT).stream().filter(job -> !queuedPending.contains(job.id())).toList();
            waiting.forEach(this::submit);
            if (!waiting.isEmpty()) {
                log.info("Automation: {} triggers did not run (a stop, or a full queue); running them now",
                        waiting.size());
            }
            return waiting.size();
        } catch (RuntimeException e) {
            log.warn("Automation catch-up of pending triggers failed (next try at the next interval): {}",
                    e.toString());
            return 0;
        }
    }

    /**
     * Returns once everything queued before, and every update check waiting, has run (tests that check that
     * something did not happen).
     */
    void awaitIdle() {
        updateChecks.awaitDrained(worker, "the automation worker");
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** The jobs of one transaction, queued after it commits: one update check per conversation. */
    private final class Batch implements TransactionSynchronization {

        final List<AutomationJob> jobs = new ArrayList<>();
        /* The jobs written to automation_pending by beforeCommit, by identity. */
        final Map<AutomationJob, String> pendingIds = new IdentityHashMap<>();
        boolean flushed;

        /*
         * Event triggers whose rules exist are written with the change: if the portal stops before they run, the
         * catch-up runs them. Triggers without enabled rules cost nothing here.
         */
        @Override
        public void beforeCommit(boolean readOnly) {
            List<AutomationJob> durable = jobs.stream()
                    .filter(j -> j.trigger() != AutomationTrigger.CONVERSATION_UPDATED)
                    .filter(j -> !rules.enabled(j.trigger()).isEmpty()).toList();
            if (!durable.isEmpty()) {
                pending.record(durable).forEach(p -> pendingIds.put(p.job(), p.id()));
            }
        }

        /*
         * In trigger order; the update checks of all the transaction's conversations as one job, without those it
         * created (a new conversation's baseline starts from how it was created).
         */
        @Override
        public void afterCommit() {
            flushed = true;
            Set<Long> created = new HashSet<>();
            jobs.stream().filter(j -> j.trigger() == AutomationTrigger.CONVERSATION_CREATED)
                    .forEach(j -> created.add(j.conversationId()));
            int updateOrder = AutomationJob.orderOf(AutomationTrigger.CONVERSATION_UPDATED);
            List<AutomationJob> ordered = jobs.stream().sorted(Comparator.comparingInt(AutomationJob::order))
                    .toList();
            // New conversations not written to automation_pending (no creation rules then) as one job.
            submitCreated(ordered.stream().filter(this::createdWithoutRecord).map(AutomationJob::conversationId)
                    .distinct().toList());
            ordered.stream().filter(j -> j.order() < updateOrder).filter(j -> !createdWithoutRecord(j))
                    .forEach(this::submit);
            submitUpdateChecks(ordered.stream().filter(j -> j.order() == updateOrder)
                    .map(AutomationJob::conversationId).filter(id -> !created.contains(id)).distinct().toList());
            ordered.stream().filter(j -> j.order() > updateOrder).forEach(this::submit);
        }

        private boolean createdWithoutRecord(AutomationJob job) {
            return job.trigger() == AutomationTrigger.CONVERSATION_CREATED && !pendingIds.containsKey(job);
        }

        private void submit(AutomationJob job) {
            String id = pendingIds.get(job);
            if (id == null) {
                AutomationTriggers.this.submit(job);
            } else {
                AutomationTriggers.this.submit(new PendingTriggers.PendingJob(id, job));
            }
        }

        @Override
        public void afterCompletion(int status) {
            flushed = true;
            TransactionSynchronizationManager.unbindResourceIfPossible(AutomationTriggers.this);
        }
    }
}
