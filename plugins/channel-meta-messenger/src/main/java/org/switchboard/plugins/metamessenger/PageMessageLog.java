package org.switchboard.plugins.metamessenger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meta's timestamps of the page's recent messages to each customer, learnt from message echoes. Messenger read
 * receipts carry only a watermark ("everything sent before this time was read"), and delivery receipts sometimes
 * omit the message ids; with the echoes' timestamps (Meta's clock, so no skew with the watermark) those become
 * receipts for named messages. Kept in memory and bounded: after a restart, or without the {@code message_echoes}
 * subscription, watermark-only receipts name fewer messages, never wrong ones.
 */
final class PageMessageLog {

    private static final int MAX_CUSTOMERS = 10_000;
    private static final int MAX_MESSAGES_PER_CUSTOMER = 50;

    private record Sent(String messageId, long timestamp) {
    }

    private final Map<String, Deque<Sent>> byCustomer = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Sent>> eldest) {
            return size() > MAX_CUSTOMERS;
        }
    };

    /** Remembers that the page sent {@code messageId} to {@code customerId} at Meta's {@code timestamp} (ms). */
    synchronized void record(String customerId, String messageId, long timestamp) {
        Deque<Sent> sent = byCustomer.computeIfAbsent(customerId, id -> new ArrayDeque<>());
        if (sent.stream().anyMatch(s -> s.messageId().equals(messageId))) {
            return;
        }
        sent.addLast(new Sent(messageId, timestamp));
        if (sent.size() > MAX_MESSAGES_PER_CUSTOMER) {
            sent.removeFirst();
        }
    }

    /** The page's messages to {@code customerId} sent at or before {@code watermark} (ms), oldest first. */
    synchronized List<String> sentUpTo(String customerId, long watermark) {
        Deque<Sent> sent = byCustomer.get(customerId);
        List<String> ids = new ArrayList<>();
        if (sent != null) {
            sent.stream().filter(s -> s.timestamp() <= watermark).forEach(s -> ids.add(s.messageId()));
        }
        return ids;
    }
}
