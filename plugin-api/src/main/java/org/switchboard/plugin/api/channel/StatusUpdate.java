package org.switchboard.plugin.api.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's news about an outbound message. Updates may arrive out of order; the host never moves a message
 * back (a late "delivered" after "read" is ignored), except to {@link DeliveryStatus#FAILED}.
 *
 * @param externalMessageId the provider's id returned by {@link SendResult.Sent}
 * @param status            the new status
 * @param reason            why it failed, or {@code null}
 * @param at                when the provider observed it
 * @since 0.1.0
 */
public record StatusUpdate(String externalMessageId, DeliveryStatus status, String reason, Instant at)
        implements InboundEvent {

    public StatusUpdate {
        Objects.requireNonNull(externalMessageId, "externalMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
