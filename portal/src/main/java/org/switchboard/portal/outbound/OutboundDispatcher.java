package org.switchboard.portal.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.channel.ChannelUnavailableException;
import org.switchboard.portal.channel.UnknownChannelAccountException;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.MessageView;

/**
 * Delivers outbox entries through their channel connections. Entries are leased in a short transaction (so a
 * provider call never holds a database lock), sent, and then either removed (sent, or given up) or rescheduled
 * with exponential backoff. Delivery is at least once: a crash between the provider's acceptance and our commit
 * sends again after the lease, with the same message id for providers that deduplicate.
 */
@Service
public class OutboundDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final int BATCH = 20;

    private final OutboxRepository outbox;
    private final ConversationQueries queries;
    private final ConversationStore store;
    private final ChannelConnections connections;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboundDispatcher(OutboxRepository outbox, ConversationQueries queries, ConversationStore store,
            ChannelConnections connections, DeliveryProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.outbox = outbox;
        this.queries = queries;
        this.store = store;
        this.connections = connections;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Asks the dispatcher to look at the outbox now instead of at its next poll. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Delivers every entry that is due now; returns how many were attempted. Used by the worker and by tests. */
    public int deliverDue() {
        int attempted = 0;
        List<Long> leased;
        do {
            leased = leaseDue();
            for (Long entryId : leased) {
                deliver(entryId);
                attempted++;
            }
        } while (leased.size() == BATCH && running);
        return attempted;
    }

    private List<Long> leaseDue() {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<OutboxEntry> due = outbox.lockDue(now, BATCH);
            due.forEach(e -> e.lease(now.plus(properties.lease())));
            return due.stream().map(OutboxEntry::getId).toList();
        });
    }

    private void deliver(Long entryId) {
        OutboxEntry entry = outbox.findById(entryId).orElse(null);
        if (entry == null) {
            return;
        }
        MessageView message = queries.message(entry.getMessageId()).orElse(null);
        if (message == null || message.identity() == null) {
            SendResult gone = SendResult.permanent("the message or its recipient no longer exists");
            transaction.executeWithoutResult(status -> record(entryId, gone));
            return;
        }
        ChannelConnection connection;
        try {
            connection = connections.connection(entry.getChannelAccountId());
        } catch (ChannelUnavailableException e) {
            // Nothing was attempted: a stopped plugin or a disabled account must not use up the message's attempts.
            transaction.executeWithoutResult(status -> outbox.findById(entryId)
                    .ifPresent(e2 -> e2.deferred(e.getMessage(), clock.instant().plus(properties.unavailableRetry()))));
            return;
        } catch (UnknownChannelAccountException e) {
            SendResult deleted = SendResult.permanent("the channel account was deleted");
            transaction.executeWithoutResult(status -> record(entryId, deleted));
            return;
        }
        SendResult outcome = send(connection, message);
        transaction.executeWithoutResult(status -> record(entryId, outcome));
    }

    private SendResult send(ChannelConnection connection, MessageView message) {
        try {
            OutboundMessage outbound = new OutboundMessage(Long.toString(message.id()),
                    Long.toString(message.conversationId()),
                    new Identity(new IdentityKind(message.identity().kind()), message.identity().value()),
                    message.authorName(), message.text(), null, List.of(), ThreadingHints.NONE);
            SendResult result = connection.send(outbound);
            return result == null ? SendResult.retryable("the channel plugin returned no result") : result;
        } catch (RuntimeException e) {
            log.error("Channel plugin threw while sending message {}", message.id(), e);
            return SendResult.retryable("the channel plugin failed: " + e.getMessage());
        }
    }

    private void record(Long entryId, SendResult result) {
        OutboxEntry entry = outbox.findById(entryId).orElse(null);
        if (entry == null) {
            return;
        }
        switch (result) {
            case SendResult.Sent sent -> {
                store.markSent(entry.getMessageId(), sent.externalId());
                outbox.delete(entry);
            }
            case SendResult.Failed failed when !failed.retryable()
                    || entry.getAttempts() + 1 >= properties.maxAttempts() -> {
                String reason = failed.retryable()
                        ? failed.reason() + " (gave up after " + (entry.getAttempts() + 1) + " attempts)"
                        : failed.reason();
                store.markFailed(entry.getMessageId(), reason);
                outbox.delete(entry);
            }
            case SendResult.Failed failed -> {
                Duration wait = failed.retryAfter() != null ? failed.retryAfter()
                        : properties.backoffAfter(entry.getAttempts() + 1);
                entry.failedAttempt(failed.reason(), clock.instant().plus(wait));
                log.info("Delivery of message {} failed ({}), retry in {}", entry.getMessageId(), failed.reason(),
                        wait);
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.warn("Outbound delivery round failed: {}", e.getMessage());
            }
            try {
                wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbound-dispatcher").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
