package org.switchboard.plugin.api.ai;

/**
 * A model cannot answer (not loaded, broken file, timeout). The host then works without AI for that step.
 *
 * @since 0.4.0 (incubating)
 */
public class AiException extends Exception {

    /**
     * @param message what went wrong, for people
     */
    public AiException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for people
     * @param cause   the underlying failure
     */
    public AiException(String message, Throwable cause) {
        super(message, cause);
    }
}
