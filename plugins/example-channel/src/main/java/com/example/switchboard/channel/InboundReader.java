package com.example.switchboard.channel;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;

/**
 * Reads {@code {"id":…, "from":…, "name":…, "text":…}} into a canonical message. Refusals name the field, so the
 * developer of the sending system sees at once what to fix.
 */
final class InboundReader {

    static final int MAX_TEXT = 10_000;
    static final int MAX_ID = 255;
    static final int MAX_FROM = 320;
    static final int MAX_NAME = 200;

    /**
     * The message in {@code body}; {@code now} is its sent time (the format carries none).
     *
     * @throws RejectedRequest 400 naming what is wrong
     */
    InboundMessage read(byte[] body, Instant now) throws RejectedRequest {
        JsonObject json = object(body);
        String id = required(json, "id", MAX_ID);
        String from = required(json, "from", MAX_FROM);
        String text = required(json, "text", MAX_TEXT);
        String name = optional(json, "name", MAX_NAME);
        return InboundMessage.text(id, new Identity(ExampleConnector.EXAMPLE_USER, from), name, text, now);
    }

    private static JsonObject object(byte[] body) throws RejectedRequest {
        JsonValue value;
        try {
            value = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw RejectedRequest.badRequest("malformed JSON: " + e.getMessage());
        }
        if (!value.isObject()) {
            throw RejectedRequest.badRequest("the body must be a JSON object");
        }
        return value.asObject();
    }

    private static String required(JsonObject json, String field, int maxLength) throws RejectedRequest {
        String value = optional(json, field, maxLength);
        if (value == null) {
            throw RejectedRequest.badRequest("'" + field + "' is required");
        }
        return value;
    }

    private static String optional(JsonObject json, String field, int maxLength) throws RejectedRequest {
        JsonValue value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw RejectedRequest.badRequest("'" + field + "' must be a string");
        }
        String text = value.asString().strip();
        if (text.length() > maxLength) {
            throw RejectedRequest.badRequest("'" + field + "' is longer than " + maxLength + " characters");
        }
        return text.isEmpty() ? null : text;
    }
}
