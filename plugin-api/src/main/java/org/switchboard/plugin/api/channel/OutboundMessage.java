package org.switchboard.plugin.api.channel;

import java.util.List;
import java.util.Objects;

/**
 * A message to deliver to a customer.
 *
 * @param messageId      the host's id; stable across retries, usable as an idempotency key
 * @param conversationId the host's conversation id
 * @param recipient      the identity to deliver to
 * @param authorName     the agent's (or bot's) display name
 * @param text           plain text
 * @param html           HTML for channels with {@link ChannelCapability#RICH_TEXT}, or {@code null}
 * @param attachments    files to attach
 * @param threading      threading hints (subject, the customer's last message id for email replies)
 * @since 0.1.0
 */
public record OutboundMessage(
        String messageId,
        String conversationId,
        Identity recipient,
        String authorName,
        String text,
        String html,
        List<Attachment> attachments,
        ThreadingHints threading) {

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        threading = threading == null ? ThreadingHints.NONE : threading;
    }
}
