package org.switchboard.plugin.api.channel;

/**
 * Where an outbound message is on its way to the customer, in increasing order.
 *
 * @since 0.1.0
 */
public enum DeliveryStatus {
    /** Stored, waiting for the dispatcher. */
    QUEUED,
    /** Accepted by the provider. */
    SENT,
    /** On the customer's device. */
    DELIVERED,
    /** Seen by the customer. */
    READ,
    /** Given up: a permanent error or too many retries. */
    FAILED;

    /** Whether moving from this status to {@code next} is progress (or a failure), not a stale update. */
    public boolean canMoveTo(DeliveryStatus next) {
        if (this == FAILED) {
            return false;
        }
        return next == FAILED || next.ordinal() > ordinal();
    }
}
