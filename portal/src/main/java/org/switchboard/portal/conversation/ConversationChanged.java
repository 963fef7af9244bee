package org.switchboard.portal.conversation;

/**
 * Published (after commit) whenever a conversation or its messages changed, so live views can refresh.
 *
 * @param conversationId the conversation
 * @param customerId     its customer
 * @param change         what happened
 */
public record ConversationChanged(long conversationId, long customerId, Change change) {

    /** The kinds of change live views distinguish. */
    public enum Change {
        CREATED, MESSAGE_ADDED, MESSAGE_STATUS, STATUS
    }
}
