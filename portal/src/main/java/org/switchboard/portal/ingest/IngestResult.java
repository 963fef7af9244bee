package org.switchboard.portal.ingest;

/**
 * What storing a batch of inbound events did.
 *
 * @param stored     new messages stored
 * @param duplicates messages that were already stored (redeliveries)
 * @param statuses   delivery status updates applied
 */
public record IngestResult(int stored, int duplicates, int statuses) {
}
