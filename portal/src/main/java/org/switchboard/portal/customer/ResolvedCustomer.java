package org.switchboard.portal.customer;

/**
 * The outcome of identity resolution.
 *
 * @param customer the customer the message is from
 * @param sender   the sender's normalised identity
 * @param created  whether the customer was created just now
 */
public record ResolvedCustomer(Customer customer, NormalizedIdentity sender, boolean created) {
}
