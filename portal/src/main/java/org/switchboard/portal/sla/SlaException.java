package org.switchboard.portal.sla;

/** The root of the SLA feature's exceptions: the message says, for the person who typed it, what is wrong. */
public class SlaException extends RuntimeException {

    public SlaException(String message) {
        super(message);
    }
}
