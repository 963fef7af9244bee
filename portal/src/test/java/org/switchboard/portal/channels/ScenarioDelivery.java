package org.switchboard.portal.channels;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * Posts a scenario's webhook delivery to the running portal over real HTTP, exactly as the provider would:
 * method, path below the account's webhook URL, query, headers and raw body.
 */
public final class ScenarioDelivery {

    /** Headers the HTTP client sets itself (and refuses to be given). */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public ScenarioDelivery(int port) {
        this.port = port;
    }

    public HttpResponse<String> deliver(String accountId, WebhookRequest request) throws Exception {
        String query = request.query().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        URI uri = URI.create("http://127.0.0.1:" + port + "/hooks/" + accountId + request.subPath()
                + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey())) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
