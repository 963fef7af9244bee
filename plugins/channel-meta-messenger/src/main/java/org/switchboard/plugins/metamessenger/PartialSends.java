package org.switchboard.plugins.metamessenger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a reply already delivered, by the host's message id. A reply with files goes out as one Meta
 * message per file plus one for the text, and Meta has no idempotency key: without this, a retry after the text
 * failed would send the files again. Kept in memory only (bounded), so a restart between a partial failure and
 * its retry can still repeat a part.
 */
final class PartialSends {

    private static final int MAX_MESSAGES = 1000;

    private final Map<String, Map<Integer, String>> delivered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, String>> eldest) {
            return size() > MAX_MESSAGES;
        }
    };

    /** The Meta message id of a part already delivered, or {@code null}. */
    synchronized String deliveredPart(String messageId, int part) {
        Map<Integer, String> parts = delivered.get(messageId);
        return parts == null ? null : parts.get(part);
    }

    synchronized void record(String messageId, int part, String metaMessageId) {
        delivered.computeIfAbsent(messageId, id -> new HashMap<>()).put(part, metaMessageId);
    }

    /** Forgets a reply once all its parts went out. */
    synchronized void forget(String messageId) {
        delivered.remove(messageId);
    }
}
