package org.switchboard.plugin.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * Builds {@link WebhookRequest}s as the host hands them to a connection (header names in lower case, the query
 * decoded, the sub-path below the account's webhook URL).
 */
public final class WebhookRequests {

    private WebhookRequests() {
    }

    /** A POST with the given headers (any case) and body. */
    public static WebhookRequest post(String subPath, Map<String, String> headers, byte[] body) {
        return new WebhookRequest("POST", subPath, Map.of(), lowerCase(headers), body, "127.0.0.1");
    }

    /** A POST of a UTF-8 body. */
    public static WebhookRequest post(String subPath, Map<String, String> headers, String body) {
        return post(subPath, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A GET with a raw query string such as {@code hub.mode=subscribe&hub.challenge=42}. */
    public static WebhookRequest get(String subPath, String rawQuery, Map<String, String> headers) {
        return new WebhookRequest("GET", subPath, parseQuery(rawQuery), lowerCase(headers), new byte[0],
                "127.0.0.1");
    }

    /** The same request with one header set (or removed when {@code value} is {@code null}). */
    public static WebhookRequest withHeader(WebhookRequest request, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        if (value == null) {
            headers.remove(name.toLowerCase(Locale.ROOT));
        } else {
            headers.put(name.toLowerCase(Locale.ROOT), List.of(value));
        }
        return new WebhookRequest(request.method(), request.subPath(), request.query(), headers, request.body(),
                request.remoteAddress());
    }

    /** The same request with another body (headers, signature included, unchanged). */
    public static WebhookRequest withBody(WebhookRequest request, byte[] body) {
        return new WebhookRequest(request.method(), request.subPath(), request.query(), request.headers(), body,
                request.remoteAddress());
    }

    /** The sub-path a request to {@code url} has below {@code webhookUrl}, e.g. {@code ""} or {@code "/status"}. */
    public static String subPathOf(URI webhookUrl, URI url) {
        String base = webhookUrl.getPath();
        String path = url.getPath();
        return path.startsWith(base) ? path.substring(base.length()) : path;
    }

    /** Decodes an {@code application/x-www-form-urlencoded} string, keeping order and repeated keys. */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static Map<String, List<String>> lowerCase(Map<String, String> headers) {
        Map<String, List<String>> result = new HashMap<>();
        headers.forEach((name, value) -> result.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        return result;
    }
}
