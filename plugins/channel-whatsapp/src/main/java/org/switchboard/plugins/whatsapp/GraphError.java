package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * A Graph API error: {@code {"error": {"message", "type", "code", "error_data": {"details"}}}}.
 *
 * @param httpStatus the HTTP status it came with
 * @param code       Meta's error code, or 0 when the body had none
 * @param message    Meta's message (it often starts with the code, e.g. {@code (#131030) ...}), never blank
 * @param details    {@code error_data.details}, or {@code null}
 */
record GraphError(int httpStatus, int code, String message, String details) {

    /** The 24-hour customer-service window has closed: only templates can be delivered now. */
    static final int REENGAGEMENT_REQUIRED = 131047;

    /**
     * Codes that say "later" rather than "never": throughput and spam-rate limits (130429, 131056, 80007, 4 for
     * the app-level call limit) and Meta's own temporary failures (1, 2, 131016 service unavailable, 131000
     * something went wrong).
     */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056);

    static GraphError from(int httpStatus, JsonObject body) {
        JsonObject error = body == null ? null : objectOrNull(body.get("error"));
        if (error == null) {
            return new GraphError(httpStatus, 0, "HTTP " + httpStatus + " without a Graph error", null);
        }
        int code = error.get("code") != null && error.get("code").isNumber() ? error.get("code").asInt() : 0;
        String message = stringOrNull(error.get("message"));
        JsonObject data = objectOrNull(error.get("error_data"));
        String details = data == null ? null : stringOrNull(data.get("details"));
        if (message == null || message.isBlank()) {
            message = "HTTP " + httpStatus + (code == 0 ? "" : ", code " + code);
        }
        return new GraphError(httpStatus, code, message, details);
    }

    boolean isRetryable() {
        return httpStatus == 429 || httpStatus >= 500 || RETRYABLE_CODES.contains(code);
    }

    /**
     * The provider's words for people: the message without its {@code (#code)} prefix, the details (which often
     * repeat the message and then explain it), and the code.
     */
    String describe() {
        String title = message.replaceFirst("^\\(#\\d+\\)\\s*", "");
        String text;
        if (details == null || details.isBlank() || title.contains(details)) {
            text = title;
        } else if (details.startsWith(title)) {
            text = details;
        } else {
            text = title + ": " + details;
        }
        return code == 0 ? text : text + " (code " + code + ")";
    }

    /** This error as the outcome of a send. */
    SendResult.Failed toFailure(Duration retryAfter) {
        if (code == REENGAGEMENT_REQUIRED) {
            return new SendResult.Failed("More than 24 hours have passed since the customer last wrote, so "
                    + "WhatsApp only delivers an approved template now. WhatsApp said: " + describe(), false, null);
        }
        if (isRetryable()) {
            return new SendResult.Failed("WhatsApp asks to try again later: " + describe(), true, retryAfter);
        }
        return new SendResult.Failed("WhatsApp refused the message: " + describe(), false, null);
    }

    private static JsonObject objectOrNull(JsonValue value) {
        return value != null && value.isObject() ? value.asObject() : null;
    }

    private static String stringOrNull(JsonValue value) {
        return value != null && value.isString() ? value.asString() : null;
    }
}
