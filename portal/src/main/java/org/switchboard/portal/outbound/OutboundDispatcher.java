package org.switchboard.portal.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.MessageFiles;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.conversation.ReplyThread;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.plugin.PluginStopListener;

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
    private final MessageFiles files;
    private final ChannelConnections connections;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<String> busyAccounts = ConcurrentHashMap.newKeySet();
    /*
     * Sends hold the read lock; a plugin about to stop takes the write lock (briefly, bounded), so a send in flight
     * finishes on the connection it started on instead of having it closed under it, and no new send begins on a
     * connection that is about to close. Such messages wait in the outbox instead.
     */
    private final ReentrantReadWriteLock sending = new ReentrantReadWriteLock();
    /** Entries that wait for their channel (plugin stopped, account disabled); tried again when a plugin starts. */
    private final Set<Long> waitingForChannel = ConcurrentHashMap.newKeySet();
    /** Plugins started so far: a delivery that found its channel unavailable checks it did not miss one. */
    private final AtomicLong pluginStarts = new AtomicLong();
    private volatile ExecutorService lanes = newLanes();
    private volatile boolean running;
    private Thread worker;

    OutboundDispatcher(OutboxRepository outbox, ConversationQueries queries, ConversationStore store,
            ChannelConnections connections, DeliveryProperties properties, PlatformTransactionManager transactions,
            Clock clock, MessageFiles files, PluginHost plugins) {
        this.files = files;
        this.outbox = outbox;
        this.queries = queries;
        this.store = store;
        this.connections = connections;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        plugins.addStopListener(new SendsFinishFirst());
        plugins.addStartListener(pluginId -> {
            pluginStarts.incrementAndGet();
            retryWaitingForChannel();
        });
    }

    /** Lets sends in flight finish before a plugin's connections close; holds new ones until it has stopped. */
    private final class SendsFinishFirst implements PluginStopListener {

        @Override
        public void pluginStopping(String pluginId) {
            try {
                if (!sending.writeLock().tryLock(10, TimeUnit.SECONDS)) {
                    log.warn("Sends still running after 10 s; plugin {} stops anyway (they will be retried)",
                            pluginId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void pluginStopped(String pluginId) {
            if (sending.isWriteLockedByCurrentThread()) {
                sending.writeLock().unlock();
            }
        }

        @Override
        public int order() {
            return -100;
        }
    }

    /**
     * A plugin started: what waited for an unavailable channel is due now rather than at its next look (which may
     * be {@code unavailable-retry} away). Messages of other channels that still cannot go just wait again.
     */
    void retryWaitingForChannel() {
        if (waitingForChannel.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(waitingForChannel);
        waitingForChannel.removeAll(ids);
        transaction.executeWithoutResult(status -> outbox.findAllById(ids)
                .forEach(entry -> entry.dueAt(clock.instant())));
        wake();
    }

    /** Asks the dispatcher to look at the outbox now instead of at its next poll. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * Delivers every entry that is due now and waits until those deliveries are done; returns how many were
     * attempted. Used by tests; the worker uses {@link #dispatchDue()}, which does not wait.
     */
    public int deliverDue() {
        int attempted = 0;
        List<Future<?>> started;
        do {
            started = new ArrayList<>();
            attempted += dispatchDue(started);
            for (Future<?> lane : started) {
                try {
                    lane.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted;
                } catch (ExecutionException e) {
                    log.warn("Outbound lane failed: {}", e.getCause().toString());
                }
            }
        } while (!started.isEmpty() && running);
        return attempted;
    }

    /** Starts the delivery of what is due, one lane per channel account; returns how many entries it leased. */
    int dispatchDue() {
        return dispatchDue(new ArrayList<>());
    }

    /*
     * Each account's entries are sent in order on that account's own lane (a virtual thread), and an account with
     * a lane still running is not leased from again. So a slow or hanging provider delays only its own account's
     * messages, and a customer never receives two replies out of order.
     */
    private int dispatchDue(List<Future<?>> started) {
        List<OutboxEntry> leased = leaseDue();
        Map<String, List<Long>> byAccount = new LinkedHashMap<>();
        leased.forEach(e -> byAccount.computeIfAbsent(e.getChannelAccountId(), k -> new ArrayList<>()).add(e.getId()));
        byAccount.forEach((accountId, entryIds) -> {
            busyAccounts.add(accountId);
            started.add(lanes.submit(() -> {
                try {
                    entryIds.forEach(this::deliver);
                } finally {
                    busyAccounts.remove(accountId);
                    wake();
                }
            }));
        });
        return leased.size();
    }

    /*
     * Two leasers at once (the scheduled one and a caller of deliverDue, or two nodes) skip each other's rows, but
     * moving their rows' next attempt in the index can still deadlock in InnoDB: the loser simply leases again.
     */
    private List<OutboxEntry> leaseDue() {
        return ConflictRetry.retry(this::leaseDueOnce);
    }

    private List<OutboxEntry> leaseDueOnce() {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            Set<String> busy = busyAccounts.isEmpty() ? Set.of("-") : Set.copyOf(busyAccounts);
            List<OutboxEntry> due = outbox.lockDue(now, busy, BATCH);
            due.forEach(e -> e.lease(now.plus(properties.lease())));
            return due;
        });
    }

    private void deliver(Long entryId) {
        sending.readLock().lock();
        try {
            deliverLocked(entryId);
        } finally {
            sending.readLock().unlock();
        }
    }

    private void deliverLocked(Long entryId) {
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
        long startsBefore = pluginStarts.get();
        try {
            connection = connections.connection(entry.getChannelAccountId());
        } catch (ChannelUnavailableException e) {
            // Nothing was attempted: a stopped plugin or a disabled account must not use up the message's attempts.
            transaction.executeWithoutResult(status -> outbox.findById(entryId)
                    .ifPresent(e2 -> e2.deferred(e.getMessage(), clock.instant().plus(properties.unavailableRetry()))));
            waitingForChannel.add(entryId);
            if (pluginStarts.get() != startsBefore) {
                // A plugin started while this was deferred: its retry may have run before the entry was waiting.
                retryWaitingForChannel();
            }
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
            ReplyThread thread = queries.replyThread(message.conversationId(), message.channelAccountId());
            OutboundMessage outbound = new OutboundMessage(Long.toString(message.id()),
                    Long.toString(message.conversationId()),
                    new Identity(new IdentityKind(message.identity().kind()), message.identity().value()),
                    message.authorName(), message.text(), null, files.contentOf(message.id()),
                    new ThreadingHints(thread.subject(), null, thread.inReplyTo(), thread.references()),
                    TemplateJson.read(message.templateJson()));
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
                dispatchDue();
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

    private static ExecutorService newLanes() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbound-lane-", 0).factory());
    }

    @Override
    public void start() {
        if (lanes.isShutdown()) {
            lanes = newLanes();
        }
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
                // Sends in flight finish (or time out) so their outcome is recorded; an unrecorded send would
                // only be repeated after the lease, never lost.
                lanes.shutdown();
                lanes.awaitTermination(10, TimeUnit.SECONDS);
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
