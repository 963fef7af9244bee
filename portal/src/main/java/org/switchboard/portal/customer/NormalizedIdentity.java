package org.switchboard.portal.customer;

/**
 * An identity in the form it is stored and compared in: lower-case email, E.164-like phone, trimmed ids.
 *
 * @param kind  the identity kind id
 * @param value the normalised value
 */
public record NormalizedIdentity(String kind, String value) {
}
