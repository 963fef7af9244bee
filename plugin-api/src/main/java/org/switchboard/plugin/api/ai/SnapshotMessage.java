package org.switchboard.plugin.api.ai;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation snapshot.
 *
 * @param author  who wrote it
 * @param channel the channel's connector id (e.g. {@code whatsapp}), or {@code null} for notes
 * @param name    the author's display name, or {@code null}
 * @param text    the text
 * @param at      when
 * @since 0.4.0 (incubating)
 */
public record SnapshotMessage(Author author, String channel, String name, String text, Instant at) {

    /** Who wrote a message. */
    public enum Author {
        /** The customer. */
        CUSTOMER,
        /** A human agent. */
        AGENT,
        /** The assistant. */
        BOT,
        /** An agent's private note (never shown to the customer). */
        NOTE
    }

    public SnapshotMessage {
        Objects.requireNonNull(author, "author");
        text = text == null ? "" : text;
        Objects.requireNonNull(at, "at");
    }
}
