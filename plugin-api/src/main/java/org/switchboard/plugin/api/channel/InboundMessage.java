package org.switchboard.plugin.api.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message from a customer, in canonical form.
 *
 * @param externalId       the provider's id of the message; unique per account, used to store a redelivery once
 * @param sender           the identity that wrote it
 * @param senderName       the name the channel knows for the sender, or {@code null}
 * @param otherIdentities  further identities the customer gave (an email typed into a pre-chat form); the host
 *                         links them to the same customer
 * @param text             the plain text to show (for email: without quoted history)
 * @param html             the original HTML, or {@code null}; the host sanitises it before anyone sees it
 * @param attachments      attached files
 * @param sentAt           when the customer sent it, per the provider
 * @param threading        threading hints (subject, references), or {@link ThreadingHints#NONE}
 * @param metadata         extra provider facts worth keeping (string keys and values)
 * @since 0.1.0
 */
public record InboundMessage(
        String externalId,
        Identity sender,
        String senderName,
        List<Identity> otherIdentities,
        String text,
        String html,
        List<Attachment> attachments,
        Instant sentAt,
        ThreadingHints threading,
        Map<String, String> metadata) implements InboundEvent {

    public InboundMessage {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        if (externalId.isBlank() || externalId.length() > 255) {
            throw new IllegalArgumentException("externalId must be 1 to 255 characters");
        }
        otherIdentities = List.copyOf(otherIdentities);
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        threading = threading == null ? ThreadingHints.NONE : threading;
        metadata = Map.copyOf(metadata);
    }

    /** A plain text message with nothing else. */
    public static InboundMessage text(String externalId, Identity sender, String senderName, String text,
            Instant sentAt) {
        return new InboundMessage(externalId, sender, senderName, List.of(), text, null, List.of(), sentAt,
                ThreadingHints.NONE, Map.of());
    }
}
