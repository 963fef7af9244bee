package org.switchboard.plugins.metamessenger;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * A Graph API error, {@code {"error":{"message","type","code","error_subcode","is_transient"}}}, and what it means
 * for a send.
 *
 * <p>Meta reports rate limits with HTTP 400 or 403 as often as with 429, so the code decides, not only the status:
 * 4 (application), 17 (user), 32 (page), 613 (call rate) and 341 are rate limits; 1, 2 and 1200 are Meta's
 * "temporary failure, try again" codes. Code 10 with subcode 2018278 (Messenger) or 2534022 (Instagram) means the
 * customer's last message is older than the 24-hour window, which no retry can fix.
 *
 * @param status    the HTTP status
 * @param message   Meta's message, or a description of the body when it is not a Graph error
 * @param code      the error code, or -1
 * @param subcode   the error subcode, or -1
 * @param flaggedTransient whether Meta flagged it {@code is_transient}
 */
record GraphError(int status, String message, int code, int subcode, boolean flaggedTransient) {

    static final int CODE_ACCESS_TOKEN = 190;
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 341, 613);
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 1200);
    private static final Set<Integer> OUTSIDE_WINDOW_SUBCODES = Set.of(2018278, 2534022);
    private static final int MAX_MESSAGE_LENGTH = 300;

    /** Reads the error of a non-2xx answer; a body that is no Graph error still gives a usable description. */
    static GraphError parse(int status, String body) {
        try {
            JsonValue parsed = Json.parse(body == null ? "" : body);
            JsonValue error = parsed.isObject() ? parsed.asObject().get("error") : null;
            if (error != null && error.isObject()) {
                JsonObject e = error.asObject();
                String message = e.get("message") != null && e.get("message").isString()
                        ? e.get("message").asString() : "no message";
                return new GraphError(status, abbreviate(message), integer(e.get("code")),
                        integer(e.get("error_subcode")), e.get("is_transient") != null && e.get("is_transient").isTrue());
            }
        } catch (RuntimeException e) {
            // not JSON: described below
        }
        return new GraphError(status, "HTTP " + status + (body == null || body.isBlank() ? ""
                : ": " + abbreviate(body.strip())), -1, -1, false);
    }

    boolean isOutsideWindow() {
        return code == 10 && OUTSIDE_WINDOW_SUBCODES.contains(subcode);
    }

    boolean isRetryable() {
        if (status == 429 || status >= 500 || flaggedTransient || RATE_LIMIT_CODES.contains(code)) {
            return true;
        }
        // Code 1 with subcode 99 is Meta's "unknown error" for missing permissions: retrying cannot help.
        return TEMPORARY_CODES.contains(code) && !(code == 1 && subcode == 99);
    }

    boolean isAccessTokenProblem() {
        return code == CODE_ACCESS_TOKEN;
    }

    /** The send result: retryable with the provider's Retry-After if given, else permanent with Meta's reason. */
    SendResult.Failed toFailure(String retryAfterHeader) {
        if (isOutsideWindow()) {
            return new SendResult.Failed("outside the 24-hour messaging window: the customer has not written in "
                    + "the last 24 hours, so Meta only accepts a reply once they write again (Meta: " + message
                    + describeCode() + ")", false, null);
        }
        if (isRetryable()) {
            return new SendResult.Failed("Meta did not take the message for now: " + message + describeCode(), true,
                    retryAfter(retryAfterHeader));
        }
        if (isAccessTokenProblem()) {
            return new SendResult.Failed("Meta refused the access token: " + message + describeCode()
                    + "; paste a new token into the channel settings", false, null);
        }
        return new SendResult.Failed("Meta refused the message: " + message + describeCode(), false, null);
    }

    private String describeCode() {
        if (code < 0) {
            return "";
        }
        return " [code " + code + (subcode < 0 ? "" : ", subcode " + subcode) + "]";
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP date: rare enough to let the host back off instead
        }
    }

    private static int integer(JsonValue value) {
        if (value == null) {
            return -1;
        }
        try {
            if (value.isNumber()) {
                return value.asInt();
            }
            if (value.isString()) {
                return Integer.parseInt(value.asString().strip());
            }
        } catch (NumberFormatException e) {
            // not a code we can use
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
