package org.switchboard.plugins.webchat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request body that must be one JSON object, with typed access that refuses wrong types with a clear reason.
 *
 * <p>The caps exist because the body comes from anyone on the internet: the size cap bounds the work per
 * request, and the depth cap protects the recursive parser from a stack overflow ({@code [[[[…}).
 */
final class JsonBody {

    static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_DEPTH = 16;

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /**
     * Parses a body.
     *
     * @throws RequestRefused 413 when too large, 400 when it is not a JSON object
     */
    static JsonBody parse(byte[] body) throws RequestRefused {
        if (body.length > MAX_BYTES) {
            throw new RequestRefused(413, "the body is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw RequestRefused.badRequest("the body must be a JSON object, not empty");
        }
        if (exceedsDepth(text)) {
            throw RequestRefused.badRequest("malformed JSON: nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (ParseException e) {
            throw RequestRefused.badRequest("malformed JSON: " + e.getMessage());
        }
        if (!value.isObject()) {
            throw RequestRefused.badRequest("the body must be a JSON object");
        }
        return new JsonBody(value.asObject());
    }

    /**
     * A string member; absent and {@code null} are both empty.
     *
     * @throws RequestRefused 400 when the member has another type
     */
    Optional<String> string(String name) throws RequestRefused {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw RequestRefused.badRequest("'" + name + "' must be a string");
        }
        return Optional.of(value.asString());
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
