package org.switchboard.portal.privacy;

/**
 * How many rows a deletion removed (numbers only: this is what the audit log keeps).
 *
 * @param conversations conversations
 * @param messages      messages
 * @param attachments   attachment files
 * @param events        conversation events
 * @param outbox        undelivered outbound rows
 */
public record PurgeCounts(int conversations, int messages, int attachments, int events, int outbox) {

    static final PurgeCounts NONE = new PurgeCounts(0, 0, 0, 0, 0);

    PurgeCounts plus(PurgeCounts other) {
        return new PurgeCounts(conversations + other.conversations, messages + other.messages,
                attachments + other.attachments, events + other.events, outbox + other.outbox);
    }

    @Override
    public String toString() {
        return "conversations=" + conversations + " messages=" + messages + " attachments=" + attachments
                + " events=" + events + " outbox=" + outbox;
    }
}
