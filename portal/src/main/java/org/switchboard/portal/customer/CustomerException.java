package org.switchboard.portal.customer;

/** The root of the customer feature's exceptions: each says in its message what the user can do about it. */
public class CustomerException extends RuntimeException {

    public CustomerException(String message) {
        super(message);
    }
}
