package org.switchboard.portal.outbound;

/** A reply that cannot be queued as asked; the message says why, for the agent. */
public class ReplyNotPossibleException extends RuntimeException {

    public ReplyNotPossibleException(String message) {
        super(message);
    }
}
