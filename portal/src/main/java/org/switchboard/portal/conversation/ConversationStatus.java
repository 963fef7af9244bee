package org.switchboard.portal.conversation;

/** Where a conversation is in its life; resolved ones leave the agents' queues. */
public enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED;

    public boolean isActive() {
        return this != RESOLVED;
    }
}
