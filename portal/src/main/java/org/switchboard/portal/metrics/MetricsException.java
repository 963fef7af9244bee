package org.switchboard.portal.metrics;

/** A metrics request or setting that cannot be honoured; the message says why and is shown to the user. */
public class MetricsException extends RuntimeException {

    public MetricsException(String message) {
        super(message);
    }
}
