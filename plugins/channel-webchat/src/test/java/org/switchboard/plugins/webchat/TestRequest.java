package org.switchboard.plugins.webchat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.plugin.api.channel.WebhookRequest;

/** A readable way to write the HTTP requests a browser sends to {@code /hooks/{accountId}/…}. */
record TestRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body) {

    static TestRequest get(String path) {
        return new TestRequest("GET", path, Map.of(), Map.of(), "");
    }

    static TestRequest post(String path, String body) {
        return new TestRequest("POST", path, Map.of(), Map.of(), body);
    }

    static TestRequest options(String path) {
        return new TestRequest("OPTIONS", path, Map.of(), Map.of(), "");
    }

    TestRequest header(String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return new TestRequest(method, path, copy, query, body);
    }

    TestRequest query(String name, String value) {
        Map<String, String> copy = new HashMap<>(query);
        copy.put(name, value);
        return new TestRequest(method, path, headers, copy, body);
    }

    TestRequest as(WebchatFixture.Visitor visitor) {
        return header("X-Visitor-Id", visitor.id()).header("X-Visitor-Token", visitor.token());
    }

    /** As the host builds it: header names in lower case, every value a list. */
    WebhookRequest toWebhookRequest() {
        Map<String, List<String>> headerLists = new HashMap<>();
        headers.forEach((name, value) -> headerLists.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        Map<String, List<String>> queryLists = new HashMap<>();
        query.forEach((name, value) -> queryLists.put(name, List.of(value)));
        return new WebhookRequest(method, path, queryLists, headerLists, body.getBytes(StandardCharsets.UTF_8),
                "203.0.113.7");
    }
}
