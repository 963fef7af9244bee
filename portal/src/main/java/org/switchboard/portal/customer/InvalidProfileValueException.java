package org.switchboard.portal.customer;

/** A profile value that is not acceptable (an ill-formed language tag, a number attribute given text). */
public class InvalidProfileValueException extends CustomerException {

    public InvalidProfileValueException(String message) {
        super(message);
    }
}
