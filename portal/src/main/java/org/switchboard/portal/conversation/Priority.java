package org.switchboard.portal.conversation;

/** How urgent a conversation is. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
