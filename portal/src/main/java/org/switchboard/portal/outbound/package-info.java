/**
 * Outbound delivery: agent replies are written with an outbox row in one transaction and delivered by the
 * dispatcher through the channel connection, with retries and backoff; a restart loses nothing.
 */
package org.switchboard.portal.outbound;
