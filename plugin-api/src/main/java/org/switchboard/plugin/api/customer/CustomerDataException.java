package org.switchboard.plugin.api.customer;

/**
 * A data source cannot be opened or cannot answer now. The message is shown to agents and admins: it must not
 * contain secrets.
 *
 * @since 0.3.0 (incubating)
 */
public class CustomerDataException extends Exception {

    /**
     * @param message what went wrong, for people
     */
    public CustomerDataException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for people
     * @param cause   the underlying failure
     */
    public CustomerDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
