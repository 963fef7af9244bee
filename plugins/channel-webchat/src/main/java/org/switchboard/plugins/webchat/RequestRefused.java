package org.switchboard.plugins.webchat;

/**
 * Why a browser's request is refused; becomes a {@code Rejected} webhook result. The root of this module's
 * exceptions.
 *
 * <p>Checked, so every handler states that it may refuse; without a stack trace, because bad input from the
 * internet is routine and not a bug worth tracing.
 */
final class RequestRefused extends Exception {

    private final int status;

    RequestRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static RequestRefused badRequest(String reason) {
        return new RequestRefused(400, reason);
    }

    static RequestRefused unauthorized(String reason) {
        return new RequestRefused(401, reason);
    }

    int status() {
        return status;
    }
}
