package org.switchboard.plugins.email;

import org.switchboard.plugin.api.channel.InboundMessage;

/** What became of one fetched mail. */
sealed interface ReadMail {

    /** A customer's message for the portal. */
    record Message(InboundMessage message) implements ReadMail {
    }

    /** Mail that must not open a conversation (an auto-reply, a bounce, our own mail), with the reason. */
    record Skipped(String reason) implements ReadMail {
    }
}
