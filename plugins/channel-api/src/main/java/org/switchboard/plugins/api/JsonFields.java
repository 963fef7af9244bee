package org.switchboard.plugins.api;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Typed access to a JSON object whose refusals name the field by its path ({@code messages[2].from.kind}), so
 * the integrating developer sees at once what to fix.
 */
final class JsonFields {

    private static final int MAX_DEPTH = 16;

    private final JsonObject object;
    private final String path;

    JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /**
     * Parses a body that must be one JSON object.
     *
     * @throws InvalidRequest 400 naming what is wrong
     */
    static JsonFields parse(byte[] body) throws InvalidRequest {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw InvalidRequest.badRequest("the body must be a JSON object, not empty");
        }
        if (exceedsDepth(text)) {
            throw InvalidRequest.badRequest("malformed JSON: nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (ParseException e) {
            throw InvalidRequest.badRequest("malformed JSON: " + e.getMessage());
        }
        if (!value.isObject()) {
            throw InvalidRequest.badRequest("the body must be a JSON object");
        }
        return new JsonFields(value.asObject(), "");
    }

    boolean has(String name) {
        JsonValue value = object.get(name);
        return value != null && !value.isNull();
    }

    /** The path of a member, for messages. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    Optional<String> string(String name) throws InvalidRequest {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw InvalidRequest.badRequest("'" + pathOf(name) + "' must be a string");
        }
        return Optional.of(value.asString());
    }

    String requiredString(String name) throws InvalidRequest {
        String value = string(name).orElse("");
        if (value.isBlank()) {
            throw InvalidRequest.badRequest("'" + pathOf(name) + "' is required");
        }
        return value;
    }

    Optional<JsonFields> object(String name) throws InvalidRequest {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw InvalidRequest.badRequest("'" + pathOf(name) + "' must be an object");
        }
        return Optional.of(new JsonFields(value.asObject(), pathOf(name)));
    }

    JsonFields requiredObject(String name) throws InvalidRequest {
        return object(name).orElseThrow(() -> InvalidRequest.badRequest("'" + pathOf(name) + "' is required"));
    }

    /** The elements of an array member, each of which must be an object; empty when absent. */
    java.util.List<JsonFields> objects(String name) throws InvalidRequest {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw InvalidRequest.badRequest("'" + pathOf(name) + "' must be an array");
        }
        JsonArray array = value.asArray();
        java.util.List<JsonFields> elements = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = pathOf(name) + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw InvalidRequest.badRequest("'" + at + "' must be an object");
            }
            elements.add(new JsonFields(array.get(i).asObject(), at));
        }
        return elements;
    }

    /** The raw object, for members with free-form content (metadata). */
    JsonObject raw() {
        return object;
    }

    String path() {
        return path;
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
