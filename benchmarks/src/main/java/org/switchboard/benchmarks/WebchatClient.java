package org.switchboard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the web-chat plugin the way its widget does in a visitor's browser: a session first, then one
 * {@code POST /messages} per message, with the visitor headers and the page's {@code Origin}.
 *
 * <p>Blocking HTTP/1.1 with keep-alive ({@link HttpURLConnection}), one request at a time per client thread. The
 * clients share the machine's 2 cores with the portal and MariaDB, so they should cost as little CPU as a browser's
 * requests would cost the server's machine, nothing: the JDK's asynchronous {@code HttpClient}, used until
 * 2026-11-24, took 0.11 ms of CPU per request (0.22 of the 2 cores at 2,000 requests/s), more than half of it in
 * its executor and selector threads rather than in the clients' own.
 */
final class WebchatClient {

    /** A response: its status and body, whatever the status. */
    record Reply(int statusCode, String body) {
    }

    /**
     * Idle keep-alive connections kept per server; the JDK's default of 5 would close most of the lanes' connections
     * after each request, so every request would open a new one.
     */
    static final int KEEP_ALIVE_CONNECTIONS = 256;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGIN = "https://shop.example.com";
    private static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    static {
        // Read once, when the JDK's keep-alive cache is first used; a -Dhttp.maxConnections given by hand wins.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE_CONNECTIONS));
        }
    }

    private final URL sessionUrl;
    private final URL messagesUrl;
    private final URL configUrl;

    WebchatClient(int port, String accountId) {
        URI hooks = URI.create("http://127.0.0.1:" + port + "/hooks/" + accountId + "/");
        try {
            this.sessionUrl = hooks.resolve("session").toURL();
            this.messagesUrl = hooks.resolve("messages").toURL();
            this.configUrl = hooks.resolve("config").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    VisitorSession startSession() throws IOException {
        Reply reply = send("POST", sessionUrl, Map.of(), new byte[0]);
        if (reply.statusCode() != 200) {
            throw new IOException("POST /session answered " + reply.statusCode() + ": " + reply.body());
        }
        JsonNode body = JSON.readTree(reply.body());
        return new VisitorSession(body.get("visitorId").asString(), body.get("token").asString());
    }

    /** Posts one message; returns the response as is, whatever its status. */
    Reply post(VisitorSession session, VisitorProfile visitor, Delivery delivery) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", delivery.messageId());
        body.put("text", delivery.text());
        if (visitor.name() != null) {
            body.put("name", visitor.name());
        }
        if (visitor.email() != null) {
            body.put("email", visitor.email());
        }
        return send("POST", messagesUrl, Map.of("X-Visitor-Id", session.visitorId(),
                "X-Visitor-Token", session.token()), JSON.writeValueAsBytes(body));
    }

    /**
     * Fetches the widget's configuration: the same HTTP stack, security filters, webhook controller and plugin
     * as a message, but nothing stored. The floor under any ingest figure.
     */
    Reply config() throws IOException {
        return send("GET", configUrl, Map.of(), null);
    }

    private static Reply send(String method, URL url, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        connection.setUseCaches(false);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Origin", ORIGIN);
        connection.setRequestProperty("User-Agent", USER_AGENT);
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        // Read to the end and close (not disconnect), so the connection goes back to the keep-alive cache.
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Reply(status, "");
        }
        try (in) {
            return new Reply(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
