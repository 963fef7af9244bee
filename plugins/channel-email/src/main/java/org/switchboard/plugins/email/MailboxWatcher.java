package org.switchboard.plugins.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundSink;

/**
 * Watches one IMAP folder on its own daemon thread and hands new mail to the portal.
 *
 * <ul>
 *   <li>New mail is found by UID: everything above the stored last UID ({@link MailboxCursor}). On the first start
 *       (no stored position, or the folder's UIDVALIDITY changed) the folder's unseen mail is fetched, and from
 *       then on everything that arrives.</li>
 *   <li>The stored UID moves only after {@link InboundSink#accept} returned. When it throws (the portal cannot
 *       store right now) the same mail is offered again after a back-off, so no mail is lost.</li>
 *   <li>Mail the portal stored is flagged \Seen; skipped mail (auto-replies, bounces) stays unseen for people
 *       looking into the mailbox.</li>
 *   <li>With IMAP IDLE (if the server offers it and {@code useIdle} is on) new mail arrives within a second; the
 *       IDLE is renewed with a NOOP every poll interval as a safety net. Without IDLE the folder is checked every
 *       poll interval.</li>
 *   <li>A dropped or refused connection is retried with exponential back-off (1 s up to 5 min); health reports the
 *       last connection error until a connection succeeds again.</li>
 * </ul>
 */
final class MailboxWatcher implements Runnable {

    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration MAX_IDLE = Duration.ofMinutes(10);
    private static final Duration MIN_IDLE = Duration.ofSeconds(1);
    /** Mail handed to the portal in one call: large enough for a backlog, small enough for one transaction. */
    private static final int BATCH_SIZE = 25;

    private final EmailSettings settings;
    private final String accountId;
    private final InboundSink sink;
    private final MailboxCursor cursor;
    private final InboundMailReader reader;
    private final SecretRedactor redactor;
    private final System.Logger log;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration idleRenewal;
    private final Object sleeper = new Object();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Store store;
    private volatile IMAPFolder folder;
    private volatile String lastConnectError;
    private volatile boolean idling;
    private Duration backoff = MIN_BACKOFF;

    MailboxWatcher(EmailSettings settings, String accountId, InboundSink sink, MailboxCursor cursor,
            SecretRedactor redactor, System.Logger log, Clock clock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.accountId = accountId;
        this.sink = sink;
        this.cursor = cursor;
        this.reader = new InboundMailReader(settings.fromAddress());
        this.redactor = redactor;
        this.log = log;
        this.clock = clock;
        this.scheduler = scheduler;
        Duration poll = settings.pollInterval();
        this.idleRenewal = poll.compareTo(MAX_IDLE) > 0 ? MAX_IDLE : poll.compareTo(MIN_IDLE) < 0 ? MIN_IDLE : poll;
    }

    void start() {
        running = true;
        Thread worker = new Thread(this, "email-imap-" + accountId);
        worker.setDaemon(true);
        // Jakarta Mail looks some things up through the context class loader: make it the plugin's.
        worker.setContextClassLoader(MailboxWatcher.class.getClassLoader());
        thread = worker;
        worker.start();
    }

    /** Stops the loop and closes the connection; returns within a few seconds even if the server hangs. */
    void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        Thread worker = thread;
        Thread closer = Thread.ofVirtual().start(this::closeQuietly);
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(5));
                closer.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    ConnectionHealth health() {
        String error = lastConnectError;
        return error == null ? ConnectionHealth.ok() : ConnectionHealth.unhealthy("IMAP: " + error);
    }

    /** Whether the loop is waiting in IDLE right now (for tests and diagnostics). */
    boolean idling() {
        return idling;
    }

    @Override
    public void run() {
        while (running) {
            try {
                watch();
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                String problem = describe(e);
                log.log(Level.WARNING, "Mailbox {0} of account {1}: {2}; retrying in {3} s", settings.imap(),
                        accountId, problem, String.valueOf(backoff.toSeconds()));
                // Whatever failed (login, network, a missing folder), the mailbox is not being watched right now.
                lastConnectError = problem;
                closeQuietly();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        closeQuietly();
    }

    /** One connection's life: connect, deliver, wait, deliver... until stopped or the connection fails. */
    private void watch() throws MessagingException, IOException {
        Session session = MailSessions.imap(settings.imap(), idleRenewal.plusSeconds(30));
        Store connected = session.getStore(MailSessions.imapProvider(settings.imap()));
        store = connected;
        MailServer server = settings.imap();
        connected.connect(server.host(), server.port(), server.username(), server.password());
        IMAPFolder opened = (IMAPFolder) connected.getFolder(settings.folder());
        opened.open(Folder.READ_WRITE);
        folder = opened;
        lastConnectError = null;
        backoff = MIN_BACKOFF;
        boolean idle = settings.useIdle() && ((IMAPStore) connected).hasCapability("IDLE");
        log.log(Level.INFO, "Mailbox {0}/{1} of account {2} connected; waiting for mail by {3}", server,
                settings.folder(), accountId, idle ? "IDLE" : "polling every " + settings.pollInterval().toSeconds()
                        + " s");
        Duration sinkBackoff = MIN_BACKOFF;
        while (running) {
            int known = opened.getMessageCount();
            boolean stored = deliverNew(opened);
            if (!running) {
                return;
            }
            if (!stored) {
                // The portal could not store: offer the same mail again soon, without waiting for new mail.
                sleep(sinkBackoff);
                sinkBackoff = sinkBackoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                        : sinkBackoff.multipliedBy(2);
                continue;
            }
            sinkBackoff = MIN_BACKOFF;
            if (opened.getMessageCount() != known) {
                // Mail arrived while we delivered: the server reported it in answer to our own commands, so an IDLE
                // now would not hear of it again and it would wait for the next renewal (minutes).
                continue;
            }
            if (idle) {
                idleOnce(opened);
            } else {
                sleep(settings.pollInterval());
            }
            if (!opened.isOpen()) {
                throw new MessagingException("the server closed the folder");
            }
        }
    }

    /** Waits in IDLE until the server reports something or the renewal NOOP ends the wait. */
    private void idleOnce(IMAPFolder opened) throws MessagingException {
        ScheduledFuture<?> renewal = scheduler.schedule(() -> noop(opened), idleRenewal.toMillis(),
                TimeUnit.MILLISECONDS);
        idling = true;
        try {
            opened.idle(true);
        } finally {
            idling = false;
            renewal.cancel(false);
        }
    }

    /** Any command from another thread ends a running IDLE; NOOP also lets the server report news. */
    private static void noop(IMAPFolder opened) {
        try {
            opened.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // the loop notices a dead connection itself
        }
    }

    /**
     * Offers all mail above the stored position to the portal, in UID order.
     *
     * @return {@code false} when the portal refused to store; the position is then unchanged
     */
    private boolean deliverNew(IMAPFolder opened) throws MessagingException, IOException {
        long uidValidity = opened.getUIDValidity();
        Optional<MailboxCursor.Position> position = cursor.read().filter(p -> p.uidValidity() == uidValidity);
        if (position.isEmpty()) {
            return deliverUnseenOnFirstStart(opened, uidValidity);
        }
        long lastUid = position.get().lastUid();
        long uidNext = opened.getUIDNext();
        if (uidNext > 0 && uidNext <= lastUid) {
            // UIDs started again without a new UIDVALIDITY (a restored or rebuilt mailbox on a server that breaks
            // RFC 3501): our position means nothing here, and new mail would hide below it for ever.
            log.log(Level.WARNING, "Mailbox {0} of account {1}: UIDNEXT {2} is not above the stored UID {3} although"
                    + " UIDVALIDITY is unchanged; starting over", settings.folder(), accountId,
                    String.valueOf(uidNext), String.valueOf(lastUid));
            return deliverUnseenOnFirstStart(opened, uidValidity);
        }
        List<Message> fresh = new ArrayList<>();
        for (Message message : opened.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID)) {
            // "n:*" always includes the newest message, even when its UID is below n.
            if (message != null && opened.getUID(message) > lastUid) {
                fresh.add(message);
            }
        }
        return deliver(opened, fresh, uidValidity, true);
    }

    /**
     * No stored position: offer the unseen mail that is in the folder now, then remember the folder's end. The
     * end is written once at the end, so an interrupted first start simply runs again (mail already stored was
     * flagged \Seen and is not offered twice).
     */
    private boolean deliverUnseenOnFirstStart(IMAPFolder opened, long uidValidity)
            throws MessagingException, IOException {
        long end = opened.getUIDNext() > 0 ? opened.getUIDNext() - 1 : highestUid(opened);
        List<Message> unseen = new ArrayList<>();
        for (Message message : opened.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
            if (opened.getUID(message) <= end) {
                unseen.add(message);
            }
        }
        log.log(Level.INFO, "Mailbox {0} of account {1}: first start (UIDVALIDITY {2}), {3} unseen mail to fetch",
                settings.folder(), accountId, String.valueOf(uidValidity), unseen.size());
        if (!deliver(opened, unseen, uidValidity, false)) {
            return false;
        }
        cursor.write(new MailboxCursor.Position(uidValidity, end));
        return true;
    }

    private static long highestUid(IMAPFolder opened) throws MessagingException {
        int count = opened.getMessageCount();
        return count == 0 ? 0 : opened.getUID(opened.getMessage(count));
    }

    private boolean deliver(IMAPFolder opened, List<Message> messages, long uidValidity, boolean advanceCursor)
            throws MessagingException, IOException {
        if (messages.isEmpty()) {
            return true;
        }
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        opened.fetch(messages.toArray(Message[]::new), profile);
        List<Message> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparingLong(message -> uid(opened, message)));
        for (int from = 0; from < ordered.size(); from += BATCH_SIZE) {
            List<Message> batch = ordered.subList(from, Math.min(ordered.size(), from + BATCH_SIZE));
            List<InboundEvent> events = new ArrayList<>();
            List<Message> stored = new ArrayList<>();
            for (Message message : batch) {
                read(opened, message).ifPresent(event -> {
                    events.add(event);
                    stored.add(message);
                });
            }
            if (!events.isEmpty()) {
                try {
                    sink.accept(events);
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "Mailbox {0} of account {1}: the portal could not store {2} mail ({3});"
                            + " keeping them to offer again", settings.folder(), accountId, events.size(),
                            redactor.redact(String.valueOf(e.getMessage())));
                    return false;
                }
                markSeen(opened, stored);
            }
            if (advanceCursor) {
                cursor.write(new MailboxCursor.Position(uidValidity, uid(opened, batch.getLast())));
            }
        }
        return true;
    }

    /** The message as an event, or empty when it is skipped (logged) or cannot be read at all (logged). */
    private Optional<InboundEvent> read(IMAPFolder opened, Message message) throws MessagingException {
        long uid = opened.getUID(message);
        byte[] raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            raw = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("cannot download mail UID " + uid, e);
        }
        Instant receivedAt = Optional.ofNullable(message.getReceivedDate()).map(java.util.Date::toInstant)
                .orElseGet(clock::instant);
        try {
            return switch (reader.read(raw, receivedAt)) {
                case ReadMail.Message m -> Optional.of(m.message());
                case ReadMail.Skipped skipped -> {
                    log.log(Level.INFO, "Mailbox {0} of account {1}: skipped mail UID {2}: {3}", settings.folder(),
                            accountId, String.valueOf(uid), skipped.reason());
                    yield Optional.empty();
                }
            };
        } catch (MessagingException | IOException | RuntimeException e) {
            // It stays in the mailbox, unseen, for a person to look at; the portal cannot show what it cannot read.
            log.log(Level.WARNING, "Mailbox {0} of account {1}: cannot read mail UID {2}: {3}", settings.folder(),
                    accountId, String.valueOf(uid), e.toString());
            return Optional.empty();
        }
    }

    private void markSeen(IMAPFolder opened, List<Message> messages) {
        try {
            opened.setFlags(messages.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        } catch (MessagingException | RuntimeException e) {
            // Only a courtesy to people looking into the mailbox; the stored UID is what counts.
            log.log(Level.DEBUG, "cannot flag mail as seen: {0}", e.getMessage());
        }
    }

    private static long uid(IMAPFolder opened, Message message) {
        try {
            return opened.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("UID of a fetched message unavailable", e);
        }
    }

    private void sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (sleeper) {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sleeper, left);
                } catch (InterruptedException e) {
                    if (!running) {
                        return;
                    }
                }
            }
        }
    }

    private void closeQuietly() {
        IMAPFolder open = folder;
        folder = null;
        if (open != null) {
            try {
                if (open.isOpen()) {
                    open.close(false);
                }
            } catch (MessagingException | RuntimeException e) {
                // closing anyway
            }
        }
        Store connected = store;
        store = null;
        if (connected != null) {
            try {
                connected.close();
            } catch (MessagingException | RuntimeException e) {
                // closing anyway
            }
        }
    }

    private String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return redactor.redact(text.toString());
    }

    @Override
    public String toString() {
        return "MailboxWatcher[" + settings.imap() + "/" + settings.folder() + "]";
    }
}
