package org.switchboard.plugins.telegram;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A Bot API response: {@code {"ok":true,"result":…}} or
 * {@code {"ok":false,"error_code":429,"description":"…","parameters":{"retry_after":7}}}. A body that is not
 * such JSON (a proxy's HTML error page) still yields an answer, described by its HTTP status.
 *
 * @param httpStatus  the HTTP status
 * @param ok          whether Telegram reported success
 * @param result      the {@code result} member, or {@code null}
 * @param description Telegram's explanation (already masked), or a description of the HTTP status
 * @param retryAfter  how long Telegram asked us to wait ({@code parameters.retry_after} or Retry-After), or
 *                    {@code null}
 */
record ApiAnswer(int httpStatus, boolean ok, JsonValue result, String description, Duration retryAfter) {

    private static final int MAX_DESCRIPTION = 300;

    static ApiAnswer of(HttpResponse<byte[]> response, TokenMask mask) {
        int status = response.statusCode();
        Duration headerRetry = response.headers().firstValue("Retry-After").flatMap(ApiAnswer::seconds).orElse(null);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonObject json = parseObject(text);
        if (json == null) {
            String snippet = text.isBlank() ? "" : ": " + abbreviate(text.strip());
            return new ApiAnswer(status, false, null, mask.mask("HTTP " + status + snippet), headerRetry);
        }
        boolean ok = json.getBoolean("ok", false) && status / 100 == 2;
        String description = json.getString("description", null);
        if (description == null) {
            description = ok ? "" : "HTTP " + status + " without a description";
        }
        Duration retryAfter = headerRetry;
        JsonValue parameters = json.get("parameters");
        if (parameters != null && parameters.isObject()) {
            JsonValue retry = parameters.asObject().get("retry_after");
            if (retry != null && retry.isNumber()) {
                retryAfter = Duration.ofSeconds(Math.max(0, retry.asLong()));
            }
        }
        return new ApiAnswer(status, ok, json.get("result"), mask.mask(abbreviate(description)), retryAfter);
    }

    /** Whether trying again later may succeed: rate limits and Telegram's server errors. */
    boolean retryable() {
        return httpStatus == 429 || httpStatus >= 500;
    }

    /** The {@code message_id} of a sent message's result. */
    Optional<Long> messageId() {
        if (result == null || !result.isObject()) {
            return Optional.empty();
        }
        JsonValue id = result.asObject().get("message_id");
        return id != null && id.isNumber() ? Optional.of(id.asLong()) : Optional.empty();
    }

    private static JsonObject parseObject(String text) {
        try {
            JsonValue value = Json.parse(text);
            return value.isObject() ? value.asObject() : null;
        } catch (ParseException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date; Telegram sends seconds, so let the host back off instead
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
    }
}
