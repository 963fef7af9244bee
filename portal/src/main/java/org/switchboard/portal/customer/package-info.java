/**
 * Customers and their identities: normalisation (email, E.164 phone, channel ids) and resolution of a sender to
 * exactly one customer; the customer record (language, tags, notes, custom attributes, preferred channel,
 * identities added by hand); duplicate suggestions; merge and exact unmerge. Owns {@code customer},
 * {@code customer_identity}, {@code customer_tag}, {@code customer_note}, {@code customer_attribute[_value]},
 * {@code customer_event}, {@code customer_merge[_item]} and {@code customer_duplicate_dismissal}.
 *
 * <p>Services: {@link org.switchboard.portal.customer.IdentityResolver} (ingest),
 * {@link org.switchboard.portal.customer.CustomerProfiles}, {@link org.switchboard.portal.customer.CustomerDirectory},
 * {@link org.switchboard.portal.customer.DuplicateSuggestions}, {@link org.switchboard.portal.customer.CustomerMerger}.
 * A merge re-points {@code conversation.customer_id} with plain SQL (the one write into another feature's table),
 * and the learned preferred channel reads {@code message}: the conversation feature depends on this one, not the
 * other way round.
 */
package org.switchboard.portal.customer;
