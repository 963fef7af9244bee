package org.switchboard.plugins.whatsapp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which parts of a multi-part outbound message (a text and its files) WhatsApp already accepted, by the host's
 * message id. WhatsApp has no idempotency key, so without this a retry after a failed second part would send the
 * first part again. Bounded, and in memory only: after a restart a retry may repeat a part.
 */
final class SentParts {

    private static final int MAX_MESSAGES = 1_000;

    private final Map<String, Map<Integer, String>> accepted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, String>> eldest) {
            return size() > MAX_MESSAGES;
        }
    };

    /** The provider id part {@code index} of {@code messageId} got, or {@code null} if it was not accepted yet. */
    synchronized String get(String messageId, int index) {
        Map<Integer, String> parts = accepted.get(messageId);
        return parts == null ? null : parts.get(index);
    }

    synchronized void put(String messageId, int index, String providerId) {
        accepted.computeIfAbsent(messageId, id -> new HashMap<>()).put(index, providerId);
    }

    /** Forgets a message once all its parts are out. */
    synchronized void forget(String messageId) {
        accepted.remove(messageId);
    }
}
