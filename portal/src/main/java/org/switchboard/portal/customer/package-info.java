/**
 * Customers and their identities: normalisation (email, phone, channel ids) and resolution of a sender to exactly
 * one customer. Owns {@code customer} and {@code customer_identity}.
 */
package org.switchboard.portal.customer;
