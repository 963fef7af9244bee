package org.switchboard.portal.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.portal.channel.InboundEventStore;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.csat.SurveyReplies;
import org.switchboard.portal.customer.IdentityNormalizer;
import org.switchboard.portal.customer.IdentityResolver;
import org.switchboard.portal.customer.InvalidIdentityException;
import org.switchboard.portal.customer.KnownIdentities;
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
    private final IdentityNormalizer normalizer;

    InboundPipeline(IdentityResolver identities, ConversationStore conversations,
            PlatformTransactionManager transactions, IngestProperties properties, SurveyReplies surveyReplies,
            IdentityNormalizer normalizer) {
        this.identities = identities;
        this.conversations = conversations;
        this.surveyReplies = surveyReplies;
        this.normalizer = normalizer;
        this.transaction = new TransactionTemplate(transactions);
        this.groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void check(String accountId, List<? extends InboundEvent> events) {
                checkSenders(events);
            }

            @Override
            public int partition(List<? extends InboundEvent> events) {
                return partitionOf(events);
            }

            @Override
            public List<IngestResult> together(List<GroupCommit.Request> batch) {
                return transaction.execute(status -> storeTogether(
                        batch.stream().map(GroupCommit.Request::accountId).toList(),
                        batch.stream().<List<? extends InboundEvent>>map(GroupCommit.Request::events).toList()));
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

    /** Stores these deliveries as one batch of a writer, on the calling thread; for tests of batching. */
    void storeAsOneBatch(List<GroupCommit.Request> batch) {
        groupCommit.storeBatch(batch);
    }

    /** Stores one delivery in its own transaction, retrying after a concurrent write. */
    private IngestResult ingestAlone(String accountId, List<? extends InboundEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> storeTogether(List.of(accountId), List.of(events)).getFirst());
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS && e instanceof DataIntegrityViolationException integrity) {
                    // Not a race (that would have settled by now): the events break a constraint (a value too long).
                    throw new RejectedEventException("the events cannot be stored: "
                            + integrity.getMostSpecificCause().getMessage(), e);
                }
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

    /**
     * Refuses, before anything is queued or stored, a delivery with a message whose sender identity is unusable: it
     * could never be stored, and in a batch it would only cost its neighbours a retry.
     */
    private void checkSenders(List<? extends InboundEvent> events) {
        for (InboundEvent event : events) {
            if (event instanceof InboundMessage message) {
                try {
                    normalizer.normalize(message.sender());
                } catch (InvalidIdentityException e) {
                    throw unusableSender(message, e);
                }
            }
        }
    }

    /** The sender's raw identity, so one sender's deliveries always go to the same writer. */
    private static int partitionOf(List<? extends InboundEvent> events) {
        for (InboundEvent event : events) {
            if (event instanceof InboundMessage message) {
                return message.sender().value().hashCode();
            }
        }
        return 0;
    }

    /** Looks up, one query each, what storing these events needs; {@code accounts} gives each event's account. */
    private BatchLookups lookUp(List<? extends InboundEvent> events, List<String> accounts) {
        Map<String, List<String>> externalIds = new HashMap<>();
        List<Identity> senders = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof InboundMessage message) {
                externalIds.computeIfAbsent(accounts.get(i), a -> new ArrayList<>()).add(message.externalId());
                senders.add(message.sender());
                senders.addAll(message.otherIdentities());
            }
        }
        Map<String, Set<String>> stored = new HashMap<>();
        externalIds.forEach((account, ids) -> stored.put(account, conversations.storedExternalIds(account, ids)));
        KnownIdentities known = identities.lookUp(senders);
        Set<Long> customers = known.customerIds();
        return new BatchLookups(stored, known, conversations.activeConversationsOf(customers), customers,
                surveyReplies.customersAwaitingAnswer(customers));
    }

    /**
     * In the caller's transaction: the look-ups of all the deliveries (one query per kind), each delivery stored,
     * then the flush, with the held conversations' updates as one JDBC batch.
     *
     * @param accountIds each delivery's account
     * @param deliveries each delivery's events
     */
    private List<IngestResult> storeTogether(List<String> accountIds, List<List<? extends InboundEvent>> deliveries) {
        List<InboundEvent> events = new ArrayList<>();
        List<String> accountOfEvent = new ArrayList<>();
        for (int d = 0; d < deliveries.size(); d++) {
            events.addAll(deliveries.get(d));
            accountOfEvent.addAll(java.util.Collections.nCopies(deliveries.get(d).size(), accountIds.get(d)));
        }
        BatchLookups lookups = lookUp(events, accountOfEvent);
        List<IngestResult> results = new ArrayList<>(deliveries.size());
        for (int d = 0; d < deliveries.size(); d++) {
            results.add(storeAll(accountIds.get(d), deliveries.get(d), lookups));
        }
        conversations.flushIngest(lookups.conversations());
        return results;
    }

    private IngestResult storeAll(String accountId, List<? extends InboundEvent> events, BatchLookups lookups) {
        int stored = 0;
        int duplicates = 0;
        int statuses = 0;
        for (InboundEvent event : events) {
            switch (event) {
                case InboundMessage message -> {
                    if (!lookups.firstTime(accountId, message.externalId())) {
                        duplicates++;
                    } else {
                        ResolvedCustomer from = resolve(message, lookups.identities());
                        // An answer to a satisfaction survey goes with the conversation it rates.
                        if (lookups.mayAnswerSurvey(from) && surveyReplies.capture(accountId, from, message)) {
                            lookups.conversations().forget(from.customer().getId());
                        } else {
                            conversations.appendInbound(accountId, from, message, lookups.conversations());
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

    private ResolvedCustomer resolve(InboundMessage message, KnownIdentities known) {
        try {
            return identities.resolve(message.sender(), message.senderName(), message.otherIdentities(),
                    message.sentAt(), known);
        } catch (InvalidIdentityException e) {
            throw unusableSender(message, e);
        }
    }

    private static RejectedEventException unusableSender(InboundMessage message, InvalidIdentityException e) {
        return new RejectedEventException("message " + message.externalId() + " has an unusable sender: "
                + e.getMessage(), e);
    }
}
