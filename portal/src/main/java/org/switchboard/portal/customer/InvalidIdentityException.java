package org.switchboard.portal.customer;

/** An identity value that cannot be normalised (not an email, not a phone number). */
public class InvalidIdentityException extends CustomerException {

    public InvalidIdentityException(String message) {
        super(message);
    }
}
