package org.switchboard.portal.collaboration;

/** A collaboration request that cannot be done as asked; the message says why, for the agent. Nothing changed. */
public class CollaborationException extends RuntimeException {

    public CollaborationException(String message) {
        super(message);
    }
}
