package org.switchboard.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the web-chat plugin the way its widget does in a visitor's browser: a session first, then one
 * {@code POST /messages} per message, with the visitor headers and the page's {@code Origin}.
 */
final class WebchatClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGIN = "https://shop.example.com";
    private static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    private final HttpClient http;
    private final URI sessionUri;
    private final URI messagesUri;
    private final URI configUri;

    WebchatClient(int port, String accountId) {
        // HTTP/1.1 with keep-alive, like a browser talking to a plain-HTTP portal (no h2c upgrade attempts).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2,
                        Thread.ofPlatform().daemon().name(CpuMeter.CLIENT_THREAD_PREFIX + "http-", 0).factory()))
                .build();
        URI hooks = URI.create("http://127.0.0.1:" + port + "/hooks/" + accountId + "/");
        this.sessionUri = hooks.resolve("session");
        this.messagesUri = hooks.resolve("messages");
        this.configUri = hooks.resolve("config");
    }

    VisitorSession startSession() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(sessionUri).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /session answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new VisitorSession(body.get("visitorId").asString(), body.get("token").asString());
    }

    /** Posts one message; returns the response as is, whatever its status. */
    HttpResponse<String> post(VisitorSession session, VisitorProfile visitor, Delivery delivery)
            throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", delivery.messageId());
        body.put("text", delivery.text());
        if (visitor.name() != null) {
            body.put("name", visitor.name());
        }
        if (visitor.email() != null) {
            body.put("email", visitor.email());
        }
        HttpRequest request = request(messagesUri)
                .header("X-Visitor-Id", session.visitorId())
                .header("X-Visitor-Token", session.token())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Fetches the widget's configuration: the same HTTP stack, security filters, webhook controller and plugin
     * as a message, but nothing stored. The floor under any ingest figure.
     */
    HttpResponse<String> config() throws IOException, InterruptedException {
        return http.send(request(configUri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Origin", ORIGIN)
                .header("User-Agent", USER_AGENT);
    }
}
