package org.switchboard.portal.conversation;

/** A conversation id that does not exist (or no longer does). */
public class UnknownConversationException extends RuntimeException {

    public UnknownConversationException(long id) {
        super("no conversation " + id);
    }
}
