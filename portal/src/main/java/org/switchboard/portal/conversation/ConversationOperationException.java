package org.switchboard.portal.conversation;

/** An agent asked for a merge or split that cannot be done; the message says why, for the agent. */
public class ConversationOperationException extends RuntimeException {

    public ConversationOperationException(String message) {
        super(message);
    }
}
