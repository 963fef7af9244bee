package org.switchboard.portal.csat;

/** The root of the CSAT feature's exceptions: the message says, for the person who typed it, what is wrong. */
public class CsatException extends RuntimeException {

    public CsatException(String message) {
        super(message);
    }
}
