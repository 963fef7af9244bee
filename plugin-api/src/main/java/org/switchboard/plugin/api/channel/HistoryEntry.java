package org.switchboard.plugin.api.channel;

import java.time.Instant;

/**
 * One message of a {@link MessageHistory}.
 *
 * @param sequence   increasing position, usable as a cursor
 * @param messageId  the host's id of the message
 * @param inbound    {@code true} when the customer wrote it
 * @param authorName who wrote it (the agent's display name for replies)
 * @param text       the plain text
 * @param sentAt     when it was written
 * @param status     the delivery status (for outbound messages)
 * @since 0.1.0
 */
public record HistoryEntry(
        long sequence, String messageId, boolean inbound, String authorName, String text, Instant sentAt,
        DeliveryStatus status) {
}
