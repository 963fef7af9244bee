package org.switchboard.plugins.metamessenger;

/**
 * Why a webhook request is refused; becomes a {@code Rejected} result. The root of this module's exceptions.
 *
 * <p>Checked, so every step of webhook handling states that it may refuse; without a stack trace, because bad
 * input from the internet is routine and not a bug worth tracing. Reasons never contain secrets.
 */
final class WebhookRefused extends Exception {

    private final int status;

    WebhookRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static WebhookRefused badRequest(String reason) {
        return new WebhookRefused(400, reason);
    }

    int status() {
        return status;
    }
}
