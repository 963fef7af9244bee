package org.switchboard.plugins.api;

/**
 * Why a posted request is refused; becomes a {@code Rejected} webhook result. The root of this module's
 * exceptions. Without a stack trace: bad input from another system is routine, not a bug worth tracing.
 */
final class InvalidRequest extends Exception {

    private final int status;

    InvalidRequest(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static InvalidRequest badRequest(String reason) {
        return new InvalidRequest(400, reason);
    }

    static InvalidRequest unauthorized(String reason) {
        return new InvalidRequest(401, reason);
    }

    int status() {
        return status;
    }
}
