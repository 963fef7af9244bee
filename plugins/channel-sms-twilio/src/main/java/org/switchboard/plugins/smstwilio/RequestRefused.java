package org.switchboard.plugins.smstwilio;

/**
 * A webhook request this channel will not take, with the 4xx status to answer. The message is the reason the
 * host logs and returns; it never contains the auth token.
 */
final class RequestRefused extends Exception {

    private final int status;

    RequestRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
