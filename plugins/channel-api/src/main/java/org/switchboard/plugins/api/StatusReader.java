package org.switchboard.plugins.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.StatusUpdate;

/**
 * Reads a status report: {@code {"messageId":"…","status":"delivered"|"read"|"failed","reason":"…","at":"…"}}.
 * Reports may arrive in any order; the host ignores one that would move a message backwards.
 */
final class StatusReader {

    private static final int MAX_REASON = 1000;

    StatusUpdate read(JsonFields json, Instant now) throws InvalidRequest {
        String messageId = json.requiredString("messageId");
        if (messageId.length() > MessageReader.MAX_ID) {
            throw InvalidRequest.badRequest("'messageId' is longer than " + MessageReader.MAX_ID + " characters");
        }
        DeliveryStatus status = switch (json.requiredString("status").strip().toLowerCase(Locale.ROOT)) {
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> throw InvalidRequest.badRequest("'status' must be delivered, read or failed");
        };
        String reason = json.string("reason").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        Instant at = now;
        String when = json.string("at").orElse(null);
        if (when != null && !when.isBlank()) {
            try {
                at = OffsetDateTime.parse(when.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidRequest.badRequest("'at' must be an ISO-8601 date-time with offset");
            }
        }
        return new StatusUpdate(messageId, status, reason, at);
    }
}
