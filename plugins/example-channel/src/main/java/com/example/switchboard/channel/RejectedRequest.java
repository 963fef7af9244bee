package com.example.switchboard.channel;

/**
 * Why an inbound request is refused; becomes a {@code WebhookResult.Rejected} with its status. Without a stack
 * trace: bad input from another system is routine, not a bug.
 */
final class RejectedRequest extends Exception {

    private final int status;

    RejectedRequest(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static RejectedRequest badRequest(String reason) {
        return new RejectedRequest(400, reason);
    }

    int status() {
        return status;
    }
}
