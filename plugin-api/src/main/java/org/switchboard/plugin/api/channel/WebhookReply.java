package org.switchboard.plugin.api.channel;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP response the host sends for a webhook once the events are stored.
 *
 * @param status      HTTP status
 * @param contentType the body's content type
 * @param body        the body
 * @param headers     extra headers
 * @since 0.1.0
 */
public record WebhookReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public WebhookReply {
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    /** 200 with an empty body. */
    public static WebhookReply ok() {
        return new WebhookReply(200, "text/plain", new byte[0], Map.of());
    }

    /** 200 with a text body (e.g. a verification challenge). */
    public static WebhookReply text(String text) {
        return new WebhookReply(200, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** 200 with a JSON body the plugin serialised itself. */
    public static WebhookReply json(String json) {
        return new WebhookReply(200, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Returns a copy with one more header. */
    public WebhookReply withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new WebhookReply(status, contentType, body, copy);
    }
}
