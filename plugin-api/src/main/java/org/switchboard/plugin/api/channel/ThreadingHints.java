package org.switchboard.plugin.api.channel;

import java.util.List;

/**
 * Provider facts that tell which conversation a message belongs to (email headers), used before the host's own
 * rules.
 *
 * @param subject    the subject, or {@code null}
 * @param messageId  the message's own provider-level id (email {@code Message-ID}), or {@code null}
 * @param inReplyTo  the id of the message this one answers, or {@code null}
 * @param references earlier ids of the thread, oldest first
 * @since 0.1.0
 */
public record ThreadingHints(String subject, String messageId, String inReplyTo, List<String> references) {

    /** No hints. */
    public static final ThreadingHints NONE = new ThreadingHints(null, null, null, List.of());

    public ThreadingHints {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
