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
 * @param template       a pre-approved template to send instead of free text (channels with
 *                       {@link ChannelCapability#TEMPLATES}, e.g. WhatsApp outside its 24-hour window), or
 *                       {@code null}; when set, {@code text} holds the template's rendered text for the agent's
 *                       history only
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
        ThreadingHints threading,
        TemplateMessage template) {

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        threading = threading == null ? ThreadingHints.NONE : threading;
    }

    /**
     * A free-text message (no template), as in 0.1.0.
     *
     * @param messageId      the host's id
     * @param conversationId the host's conversation id
     * @param recipient      the identity to deliver to
     * @param authorName     the author's display name
     * @param text           plain text
     * @param html           HTML or {@code null}
     * @param attachments    files to attach
     * @param threading      threading hints
     * @since 0.1.0
     */
    public OutboundMessage(String messageId, String conversationId, Identity recipient, String authorName,
            String text, String html, List<Attachment> attachments, ThreadingHints threading) {
        this(messageId, conversationId, recipient, authorName, text, html, attachments, threading, null);
    }
}
