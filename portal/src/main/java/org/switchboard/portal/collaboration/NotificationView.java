package org.switchboard.portal.collaboration;

import java.time.Instant;

/**
 * A notification as the bell lists it.
 *
 * @param id             the notification
 * @param kind           what it is about
 * @param conversationId the conversation the note is in now (it follows merges and splits)
 * @param actorName      who caused it (the note's author, or the rule's name), or {@code null}
 * @param customerName   the conversation's customer
 * @param preview        the start of the note (empty when it was deleted), or the rule's message
 * @param createdAt      when
 * @param read           whether the agent has opened it
 */
public record NotificationView(long id, NotificationKind kind, long conversationId, String actorName,
        String customerName, String preview, Instant createdAt, boolean read) {

    /** One line for the list, e.g. "Ana Lopez mentioned you · Pat Customer". */
    public String headline() {
        String who = actorName == null ? "Someone" : actorName;
        return switch (kind) {
            case MENTION -> who + " mentioned you · " + customerName;
            case RULE -> "Rule “" + who + "” · " + customerName;
        };
    }
}
