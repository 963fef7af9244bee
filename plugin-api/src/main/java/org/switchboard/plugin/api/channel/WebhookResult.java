package org.switchboard.plugin.api.channel;

import java.util.List;
import java.util.Objects;

/**
 * What a connection made of a webhook request.
 *
 * @since 0.1.0
 */
public sealed interface WebhookResult {

    /**
     * A valid request: the host stores the events (deduplicated) and then sends the reply; if storing fails the
     * provider gets a 503 instead, so it retries.
     *
     * @param events the canonical events, possibly none (a verification handshake, a poll)
     * @param reply  the response to send after storing
     */
    record Accepted(List<InboundEvent> events, WebhookReply reply) implements WebhookResult {
        public Accepted {
            events = List.copyOf(events);
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * An invalid request (bad signature, malformed payload): nothing is stored.
     *
     * @param status HTTP status to answer with (4xx)
     * @param reason a short explanation for the provider's logs and ours; never echo secrets here
     */
    record Rejected(int status, String reason) implements WebhookResult {
        public Rejected {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("a rejection needs a 4xx status, not " + status);
            }
        }
    }

    static WebhookResult accepted(List<InboundEvent> events) {
        return new Accepted(events, WebhookReply.ok());
    }

    static WebhookResult accepted(List<InboundEvent> events, WebhookReply reply) {
        return new Accepted(events, reply);
    }

    static WebhookResult reply(WebhookReply reply) {
        return new Accepted(List.of(), reply);
    }

    static WebhookResult rejected(int status, String reason) {
        return new Rejected(status, reason);
    }
}
