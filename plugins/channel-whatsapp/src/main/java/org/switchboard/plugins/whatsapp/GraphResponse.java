package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An answer of the Graph API (or of the media CDN), read completely.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param body    the body
 */
record GraphResponse(int status, HttpHeaders headers, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object, or empty when it is not one (an HTML error page from a proxy). */
    Optional<JsonObject> json() {
        try {
            JsonValue value = Json.parse(new String(body, StandardCharsets.UTF_8));
            return value.isObject() ? Optional.of(value.asObject()) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The Graph error this answer carries; a body without one still yields an error naming the status. */
    GraphError error() {
        return GraphError.from(status, json().orElse(null));
    }

    /** The Retry-After header in seconds, when given that way (Graph never sends an HTTP date). */
    Duration retryAfter() {
        return headers.firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }
}
