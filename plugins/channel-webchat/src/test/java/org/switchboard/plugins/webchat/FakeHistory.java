package org.switchboard.plugins.webchat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.HistoryEntry;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.MessageHistory;

/** The host's message store as the plugin sees it: an in-memory list, safe to write while a poll reads. */
final class FakeHistory implements MessageHistory {

    private record Stored(Identity identity, HistoryEntry entry) {
    }

    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Stores a message the visitor wrote; returns its host id. */
    String addInbound(Identity visitor, String text) {
        return add(visitor, true, null, text, null);
    }

    /** Stores an agent's reply with the given status; returns its host id. */
    String addOutbound(Identity visitor, String author, String text, DeliveryStatus status) {
        return add(visitor, false, author, text, status);
    }

    private String add(Identity visitor, boolean inbound, String author, String text, DeliveryStatus status) {
        long next = sequence.incrementAndGet();
        String messageId = "m" + next;
        stored.add(new Stored(visitor, new HistoryEntry(next, messageId, inbound, author, text,
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(next), status)));
        return messageId;
    }

    @Override
    public List<HistoryEntry> recent(Identity identity, int limit) {
        List<HistoryEntry> mine = stored.stream()
                .filter(s -> s.identity().equals(identity))
                .map(Stored::entry)
                .toList();
        return mine.subList(Math.max(0, mine.size() - limit), mine.size());
    }
}
