package org.switchboard.plugins.webchat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.HistoryEntry;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.MessageHistory;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * Answers the widget's long poll ({@code GET /messages?since=…&wait=…}) from the host's store.
 *
 * <p>The answer is always the latest {@value #HISTORY_LIMIT} messages, oldest first, and the widget skips those it
 * already shows: a cursor-free protocol that heals itself after a lost reply, a reload or a second tab. The poll
 * waits only while the newest message is the one the widget named in {@code since}, which is also what it names
 * when it has seen nothing yet and the conversation is empty.
 *
 * <p>Replies the widget fetches are reported {@link DeliveryStatus#DELIVERED}: they reached the visitor's browser.
 * A reply woken up by {@code send()} is usually still queued at that moment (the host marks it sent after
 * {@code send()} returns), so its delivery is reported by the widget's next poll.
 */
final class MessageFeed {

    static final int HISTORY_LIMIT = 50;
    static final int MAX_WAIT_SECONDS = 25;

    private final MessageHistory history;
    private final WakeUpSignals signals;
    private final Clock clock;

    MessageFeed(MessageHistory history, WakeUpSignals signals, Clock clock) {
        this.history = history;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * Reads the {@code wait} query parameter.
     *
     * @throws RequestRefused 400 unless absent or a whole number from 0 to {@value #MAX_WAIT_SECONDS}
     */
    static int parseWait(Optional<String> value) throws RequestRefused {
        String text = value.orElse("").strip();
        if (text.isEmpty()) {
            return 0;
        }
        // At most two digits: anything longer is out of range anyway, and can't overflow parseInt.
        if (text.matches("\\d{1,2}")) {
            int seconds = Integer.parseInt(text);
            if (seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        }
        throw RequestRefused.badRequest("'wait' must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }

    /**
     * The visitor's latest messages, after waiting up to {@code waitSeconds} for a reply if the newest message
     * is {@code since}.
     */
    WebhookResult poll(String visitorId, String since, int waitSeconds) {
        Identity visitor = new Identity(IdentityKind.WEBCHAT_VISITOR, visitorId);
        if (waitSeconds == 0) {
            return answer(history.recent(visitor, HISTORY_LIMIT));
        }
        try (WakeUpSignals.Subscription subscription = signals.subscribe(visitorId)) {
            List<HistoryEntry> entries = history.recent(visitor, HISTORY_LIMIT);
            if (!newestId(entries).equals(since)) {
                return answer(entries);
            }
            subscription.await(Duration.ofSeconds(waitSeconds));
        }
        return answer(history.recent(visitor, HISTORY_LIMIT));
    }

    private static String newestId(List<HistoryEntry> entries) {
        return entries.isEmpty() ? "" : entries.getLast().messageId();
    }

    private WebhookResult answer(List<HistoryEntry> entries) {
        Instant now = clock.instant();
        List<InboundEvent> deliveries = new ArrayList<>();
        JsonArray messages = Json.array();
        for (HistoryEntry entry : entries) {
            DeliveryStatus status = entry.status();
            if (!entry.inbound() && status == DeliveryStatus.SENT) {
                deliveries.add(new StatusUpdate(entry.messageId(), DeliveryStatus.DELIVERED, null, now));
                status = DeliveryStatus.DELIVERED; // what the store says once the host has applied the update
            }
            messages.add(Json.object()
                    .add("id", entry.messageId())
                    .add("inbound", entry.inbound())
                    .add("author", JsonReplies.nullable(entry.authorName()))
                    .add("text", entry.text() == null ? "" : entry.text())
                    .add("at", JsonReplies.nullable(entry.sentAt()))
                    .add("status", JsonReplies.nullable(status)));
        }
        return WebhookResult.accepted(deliveries, JsonReplies.json(Json.object().add("messages", messages)));
    }
}
