package org.switchboard.plugins.metamessenger;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed access to a Meta payload that refuses wrong types with a reason naming the path ({@code
 * entry[0].messaging[1].message.mid}), so a format change at Meta shows up as a clear 400 in both logs.
 *
 * <p>Ids are accepted as strings or numbers because Meta's own samples use both.
 */
final class JsonPayload {

    /** Meta batches up to 1000 events per request; this leaves room for that and bounds the work per request. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 32;

    private JsonPayload() {
    }

    /**
     * Parses a body that must be one JSON object.
     *
     * @throws WebhookRefused 413 when too large, 400 when it is not a JSON object
     */
    static JsonObject parseObject(byte[] body) throws WebhookRefused {
        if (body.length > MAX_BYTES) {
            throw new WebhookRefused(413, "the body is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw WebhookRefused.badRequest("the body must be a JSON object, not empty");
        }
        if (exceedsDepth(text)) {
            throw WebhookRefused.badRequest("malformed JSON: nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (ParseException e) {
            throw WebhookRefused.badRequest("malformed JSON: " + e.getMessage());
        }
        if (!value.isObject()) {
            throw WebhookRefused.badRequest("the body must be a JSON object");
        }
        return value.asObject();
    }

    /** An object member; absent and {@code null} are empty. */
    static Optional<JsonObject> object(JsonObject parent, String name, String path) throws WebhookRefused {
        JsonValue value = parent.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw WebhookRefused.badRequest(path + "." + name + " must be an object");
        }
        return Optional.of(value.asObject());
    }

    /** An array of objects; absent and {@code null} are an empty list. */
    static List<JsonObject> objects(JsonObject parent, String name, String path) throws WebhookRefused {
        JsonValue value = parent.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw WebhookRefused.badRequest(path + "." + name + " must be an array");
        }
        List<JsonObject> objects = new ArrayList<>();
        int index = 0;
        for (JsonValue element : value.asArray()) {
            if (!element.isObject()) {
                throw WebhookRefused.badRequest(path + "." + name + "[" + index + "] must be an object");
            }
            objects.add(element.asObject());
            index++;
        }
        return objects;
    }

    /** An array of strings (or numbers, as ids); absent and {@code null} are an empty list. */
    static List<String> strings(JsonObject parent, String name, String path) throws WebhookRefused {
        JsonValue value = parent.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw WebhookRefused.badRequest(path + "." + name + " must be an array");
        }
        List<String> strings = new ArrayList<>();
        int index = 0;
        for (JsonValue element : value.asArray()) {
            String where = path + "." + name + "[" + index++ + "]";
            strings.add(scalar(element).orElseThrow(() -> WebhookRefused.badRequest(where + " must be a string")));
        }
        return strings;
    }

    /** A string member (numbers are given as their JSON text); absent, {@code null} and blank are empty. */
    static Optional<String> string(JsonObject parent, String name, String path) throws WebhookRefused {
        JsonValue value = parent.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<String> text = scalar(value);
        if (text.isEmpty()) {
            throw WebhookRefused.badRequest(path + "." + name + " must be a string");
        }
        return text.filter(s -> !s.isBlank());
    }

    /** A string member that must be there. */
    static String requiredString(JsonObject parent, String name, String path) throws WebhookRefused {
        return string(parent, name, path)
                .orElseThrow(() -> WebhookRefused.badRequest(path + "." + name + " is missing"));
    }

    /** A whole number, given as a number or a numeric string (Meta's samples use both for timestamps). */
    static OptionalLong number(JsonObject parent, String name, String path) throws WebhookRefused {
        JsonValue value = parent.get(name);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        try {
            if (value.isNumber()) {
                return OptionalLong.of((long) value.asDouble());
            }
            if (value.isString() && !value.asString().isBlank()) {
                return OptionalLong.of(Long.parseLong(value.asString().strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw WebhookRefused.badRequest(path + "." + name + " must be a number");
    }

    /** Whether a boolean member is {@code true}; anything else is false. */
    static boolean isTrue(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value != null && value.isTrue();
    }

    private static Optional<String> scalar(JsonValue value) {
        if (value.isString()) {
            return Optional.of(value.asString());
        }
        if (value.isNumber()) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    private static boolean exceedsDepth(String json) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }
}
