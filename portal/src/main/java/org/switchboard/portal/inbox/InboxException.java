package org.switchboard.portal.inbox;

/** An inbox request that cannot be done as asked; the message says why, for the agent. */
public class InboxException extends RuntimeException {

    public InboxException(String message) {
        super(message);
    }
}
