package org.switchboard.plugin.api.channel;

import java.util.List;

/**
 * Provider facts that tell which conversation a message belongs to (email headers), used before the host's own
 * rules.
 *
 * @param subject        the subject, or {@code null}
 * @param messageId      the message's own provider-level id (email {@code Message-ID}), or {@code null}
 * @param inReplyTo      the id of the message this one answers, or {@code null}
 * @param references     earlier ids of the thread, oldest first
 * @param conversationId the host's conversation id when the provider carries it (e.g. a token a connector put in
 *                       an email subject and found again in a reply that lost its headers), or {@code null}. On
 *                       outbound messages the host leaves it {@code null} (the id is in
 *                       {@link OutboundMessage#conversationId()}). The host honours it only for a conversation
 *                       of the same customer.
 * @since 0.1.0 ({@code conversationId} since 0.2.0)
 */
public record ThreadingHints(String subject, String messageId, String inReplyTo, List<String> references,
        String conversationId) {

    /** No hints. */
    public static final ThreadingHints NONE = new ThreadingHints(null, null, null, List.of(), null);

    public ThreadingHints {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /**
     * Hints without a conversation id, as in 0.1.0.
     *
     * @param subject    the subject, or {@code null}
     * @param messageId  the message's own provider-level id, or {@code null}
     * @param inReplyTo  the id of the message this one answers, or {@code null}
     * @param references earlier ids of the thread, oldest first
     * @since 0.1.0
     */
    public ThreadingHints(String subject, String messageId, String inReplyTo, List<String> references) {
        this(subject, messageId, inReplyTo, references, null);
    }
}
