package org.switchboard.portal.ingest;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.portal.channel.InboundEventStore;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.csat.SurveyReplies;
import org.switchboard.portal.customer.IdentityResolver;
import org.switchboard.portal.customer.InvalidIdentityException;
import org.switchboard.portal.customer.ResolvedCustomer;

/**
 * Stores a batch of canonical inbound events in one transaction: for each message, deduplicate by the provider's
 * id, resolve the sender to a customer, thread into a conversation, persist; for each status update, apply it.
 *
 * <p>Two deliveries racing on the same new identity or the same message id meet a unique constraint; two racing on
 * the same conversation meet its version check or an InnoDB deadlock. In both cases the loser's transaction is
 * retried from the start, where it then finds the winner's rows.
 */
@Service
public class InboundPipeline implements InboundEventStore, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);
    private static final int ATTEMPTS = 5;

    private final IdentityResolver identities;
    private final ConversationStore conversations;
    private final TransactionTemplate transaction;
    private final GroupCommit groupCommit;
    private final SurveyReplies surveyReplies;

    InboundPipeline(IdentityResolver identities, ConversationStore conversations,
            PlatformTransactionManager transactions, IngestProperties properties, SurveyReplies surveyReplies) {
        this.identities = identities;
        this.conversations = conversations;
        this.surveyReplies = surveyReplies;
        this.transaction = new TransactionTemplate(transactions);
        this.groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public List<IngestResult> together(List<GroupCommit.Request> batch) {
                return transaction.execute(status -> batch.stream()
                        .map(r -> storeAll(r.accountId(), r.events())).toList());
            }

            @Override
            public IngestResult alone(String accountId, List<? extends InboundEvent> events) {
                return ingestAlone(accountId, events);
            }
        }, properties.writers(), properties.maxBatch(), properties.queueCapacity(), properties.waitSeconds());
    }

    @Override
    public void store(String accountId, List<? extends InboundEvent> events) {
        ingest(accountId, events);
    }

    /**
     * Stores the events; returns only after commit.
     *
     * @throws RejectedEventException when an event cannot be stored as given (nothing of the batch is stored)
     * @throws org.springframework.dao.DataAccessException when the database is unavailable
     */
    public IngestResult ingest(String accountId, List<? extends InboundEvent> events) {
        if (events.isEmpty()) {
            return new IngestResult(0, 0, 0);
        }
        return groupCommit.running() ? groupCommit.submit(accountId, events) : ingestAlone(accountId, events);
    }

    /** Stores one delivery in its own transaction, retrying after a concurrent write. */
    private IngestResult ingestAlone(String accountId, List<? extends InboundEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> storeAll(accountId, events));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Concurrent write on account {}, retrying (attempt {})", accountId, attempt, e);
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** A short, growing, jittered pause, so two retrying writers do not collide again in lockstep. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        groupCommit.start();
    }

    @Override
    public void stop() {
        try {
            groupCommit.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return groupCommit.running();
    }

    /** Stops after the web server (which stops taking webhooks first) and before the database. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    private IngestResult storeAll(String accountId, List<? extends InboundEvent> events) {
        int stored = 0;
        int duplicates = 0;
        int statuses = 0;
        for (InboundEvent event : events) {
            switch (event) {
                case InboundMessage message -> {
                    if (conversations.isStored(accountId, message.externalId())) {
                        duplicates++;
                    } else {
                        ResolvedCustomer from = resolve(message);
                        // An answer to a satisfaction survey goes with the conversation it rates.
                        if (!surveyReplies.capture(accountId, from, message)) {
                            conversations.appendInbound(accountId, from, message);
                        }
                        stored++;
                    }
                }
                case StatusUpdate update -> {
                    if (conversations.applyStatus(accountId, update)) {
                        statuses++;
                    }
                }
            }
        }
        return new IngestResult(stored, duplicates, statuses);
    }

    private ResolvedCustomer resolve(InboundMessage message) {
        try {
            return identities.resolve(message.sender(), message.senderName(), message.otherIdentities(),
                    message.sentAt());
        } catch (InvalidIdentityException e) {
            throw new RejectedEventException("message " + message.externalId() + " has an unusable sender: "
                    + e.getMessage(), e);
        }
    }
}
