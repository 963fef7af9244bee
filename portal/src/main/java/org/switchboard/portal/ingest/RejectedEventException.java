package org.switchboard.portal.ingest;

/** An event a plugin produced that the store cannot take (an unusable identity); the whole batch is refused. */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
