package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of a notification's JSON that name the offending path when Meta's documented shape is not met.
 * Absent and {@code null} members are the same: Meta omits what a user did not share.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Optional<String> string(JsonObject object, String name, String path) throws MalformedPayload {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString());
        }
        if (value.isNumber()) {
            // ids and timestamps are documented as strings, but a number carries the same digits
            return Optional.of(value.toString());
        }
        throw new MalformedPayload("'" + path + "." + name + "' must be a string");
    }

    static String requiredString(JsonObject object, String name, String path) throws MalformedPayload {
        return string(object, name, path).filter(s -> !s.isBlank())
                .orElseThrow(() -> new MalformedPayload("'" + path + "." + name + "' is missing"));
    }

    static Optional<JsonObject> object(JsonObject object, String name, String path) throws MalformedPayload {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new MalformedPayload("'" + path + "." + name + "' must be an object");
        }
        return Optional.of(value.asObject());
    }

    /** The objects of an array member; an absent member is an empty list. */
    static List<JsonObject> objects(JsonObject object, String name, String path) throws MalformedPayload {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedPayload("'" + path + "." + name + "' must be an array");
        }
        JsonArray array = value.asArray();
        java.util.ArrayList<JsonObject> objects = new java.util.ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw new MalformedPayload("'" + path + "." + name + "[" + i + "]' must be an object");
            }
            objects.add(array.get(i).asObject());
        }
        return objects;
    }

    /** A number kept as written (coordinates must not gain or lose digits on the way). */
    static Optional<String> number(JsonObject object, String name, String path) throws MalformedPayload {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.toString());
        }
        if (value.isString() && value.asString().strip().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return Optional.of(value.asString().strip());
        }
        throw new MalformedPayload("'" + path + "." + name + "' must be a number");
    }
}
