package org.switchboard.portal.customer;

/** No customer with that id (or it was erased). */
public class UnknownCustomerException extends CustomerException {

    public UnknownCustomerException(long customerId) {
        super("no customer #" + customerId);
    }
}
