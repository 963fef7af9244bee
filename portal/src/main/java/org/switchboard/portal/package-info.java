/**
 * The Switchboard portal. One sub-package per feature (customer, conversation, channel, ingest, outbound, plugin,
 * agent, live, search, embedded, demo, ui); a feature exposes services and records, never its repositories.
 */
package org.switchboard.portal;
