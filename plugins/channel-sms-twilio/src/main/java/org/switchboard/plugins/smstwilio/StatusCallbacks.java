package org.switchboard.plugins.smstwilio;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.StatusUpdate;

/**
 * Turns Twilio's status callback for a message we sent ({@code MessageSid}, {@code MessageStatus},
 * {@code ErrorCode}) into a status update.
 *
 * <p>{@code queued}, {@code accepted}, {@code scheduled} and {@code sending} produce no event: the host marks a
 * message sent as soon as Twilio takes it, so these would only be moves backwards. {@code sent}, {@code delivered}
 * and {@code read} map to the same statuses; {@code undelivered}, {@code failed} and {@code canceled} to FAILED
 * with Twilio's error code in the reason. Statuses Twilio may add later are acknowledged and ignored, so Twilio
 * does not retry them. Callbacks may arrive out of order; the host ignores moves backwards.
 */
final class StatusCallbacks {

    private final Clock clock;

    StatusCallbacks(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads one callback.
     *
     * @return the update, or empty for a status that is no news to the host
     * @throws RequestRefused with 400 when the message id or the status is missing
     */
    Optional<StatusUpdate> read(FormBody form) throws RequestRefused {
        String sid = form.get("MessageSid").or(() -> form.get("SmsSid"))
                .orElseThrow(() -> new RequestRefused(400, "MessageSid is missing"));
        String status = form.get("MessageStatus").or(() -> form.get("SmsStatus"))
                .orElseThrow(() -> new RequestRefused(400, "MessageStatus is missing"))
                .strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "sent" -> update(sid, DeliveryStatus.SENT, null);
            case "delivered" -> update(sid, DeliveryStatus.DELIVERED, null);
            case "read" -> update(sid, DeliveryStatus.READ, null);
            case "undelivered", "failed", "canceled" -> update(sid, DeliveryStatus.FAILED, reason(status, form));
            default -> Optional.empty();
        };
    }

    private Optional<StatusUpdate> update(String sid, DeliveryStatus status, String reason) {
        return Optional.of(new StatusUpdate(sid, status, reason, clock.instant()));
    }

    private static String reason(String status, FormBody form) {
        Optional<String> code = form.get("ErrorCode").map(String::strip);
        Optional<String> message = form.get("ErrorMessage").map(String::strip);
        StringBuilder reason = new StringBuilder("Twilio reports the message ").append(status);
        code.ifPresent(c -> reason.append(", error ").append(c));
        message.ifPresent(m -> reason.append(": ").append(m));
        code.filter(c -> c.matches("[0-9]{1,6}"))
                .ifPresent(c -> reason.append(" (https://www.twilio.com/docs/api/errors/").append(c).append(')'));
        return reason.toString();
    }
}
