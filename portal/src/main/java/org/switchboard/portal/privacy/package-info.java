/**
 * Personal data rights and retention: export everything held about a customer (GDPR art. 15/20), erase it (art. 17)
 * leaving an audit entry without personal data, and delete resolved conversations after a retention period. Reads
 * and deletes across the customer, conversation and outbound tables with plain SQL, because "everything about a
 * person" cuts across those features; a new table that holds customer data must be added to
 * {@link org.switchboard.portal.privacy.CustomerDataExport} and {@link org.switchboard.portal.privacy.CustomerErasure}.
 */
package org.switchboard.portal.privacy;
