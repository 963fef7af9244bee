package org.switchboard.plugins.webchat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonValue;
import org.switchboard.plugin.api.channel.WebhookReply;

/** JSON answers to the widget. The JSON library escapes every string it writes, so visitor text is safe here. */
final class JsonReplies {

    private JsonReplies() {
    }

    /**
     * A 200 JSON reply that no cache keeps: these answers are per visitor or change with the conversation.
     */
    static WebhookReply json(JsonValue value) {
        return WebhookReply.json(value.toString()).withHeader("Cache-Control", "no-store");
    }

    /** A JSON string, or {@code null} for a missing value. */
    static JsonValue nullable(Object value) {
        return value == null ? Json.NULL : Json.value(value.toString());
    }
}
