package org.switchboard.portal.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Speaks the web-chat widget's HTTP protocol to the portal, as the widget's JavaScript does. */
final class WebchatClient {

    private static final Pattern FIELD = Pattern.compile("\"(visitorId|token)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String hookUrl;
    String visitorId;
    String token;

    WebchatClient(int port, String accountId) {
        this.hookUrl = "http://localhost:" + port + "/hooks/" + accountId;
    }

    WebchatClient startSession() throws IOException, InterruptedException {
        HttpResponse<String> response = post("/session", "{}", false);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("session: " + response.statusCode() + " " + response.body());
        }
        Matcher m = FIELD.matcher(response.body());
        while (m.find()) {
            if (m.group(1).equals("visitorId")) {
                visitorId = m.group(2);
            } else {
                token = m.group(2);
            }
        }
        return this;
    }

    HttpResponse<String> send(String text, String name, String email) throws IOException, InterruptedException {
        return sendWithId(UUID.randomUUID().toString(), text, name, email);
    }

    HttpResponse<String> sendWithId(String id, String text, String name, String email)
            throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{\"id\":\"").append(id).append("\",\"text\":\"").append(text)
                .append('"');
        if (name != null) {
            json.append(",\"name\":\"").append(name).append('"');
        }
        if (email != null) {
            json.append(",\"email\":\"").append(email).append('"');
        }
        return post("/messages", json.append('}').toString(), true);
    }

    HttpResponse<String> post(String path, String body, boolean authenticated)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hookUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("X-Visitor-Id", visitorId).header("X-Visitor-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(hookUrl + pathAndQuery))
                .header("X-Visitor-Id", visitorId).header("X-Visitor-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
