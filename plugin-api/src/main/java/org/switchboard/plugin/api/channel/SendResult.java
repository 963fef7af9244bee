package org.switchboard.plugin.api.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link ChannelConnection#send}.
 *
 * @since 0.1.0
 */
public sealed interface SendResult {

    /**
     * The provider accepted the message.
     *
     * @param externalId the provider's id, matched later by {@link StatusUpdate#externalMessageId()}
     */
    record Sent(String externalId) implements SendResult {
        public Sent {
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /**
     * The provider did not take the message.
     *
     * @param reason     the provider's reason, shown to the agent
     * @param retryable  whether trying again later may succeed (rate limits, 5xx, timeouts)
     * @param retryAfter how long the provider asked us to wait, or {@code null} to let the host back off
     */
    record Failed(String reason, boolean retryable, Duration retryAfter) implements SendResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static SendResult sent(String externalId) {
        return new Sent(externalId);
    }

    static SendResult retryable(String reason) {
        return new Failed(reason, true, null);
    }

    static SendResult permanent(String reason) {
        return new Failed(reason, false, null);
    }
}
