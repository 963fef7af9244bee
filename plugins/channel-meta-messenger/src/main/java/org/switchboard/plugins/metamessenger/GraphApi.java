package org.switchboard.plugins.metamessenger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few Graph API calls this channel makes, under {@code {apiBaseUrl}/{apiVersion}/...}.
 *
 * <p>The access token goes in an {@code Authorization: Bearer} header, which both graph.facebook.com and
 * graph.instagram.com accept, rather than in the {@code access_token} query parameter of Meta's curl samples:
 * URLs end up in proxy and error logs, headers do not. Every call has its own timeout so a slow Meta never
 * holds a send or a webhook for long.
 */
final class GraphApi {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    /** An HTTP answer of the Graph API. */
    record Reply(int status, String body, String retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final MetaSettings settings;
    private final HttpClient http;

    GraphApi(MetaSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** POSTs a JSON body to {@code /{node}/{edge}}. */
    Reply postJson(String node, String edge, String json) throws IOException, InterruptedException {
        HttpRequest request = authorized(uri(node, edge, null), SEND_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    /** POSTs a multipart form (a file upload) to {@code /{node}/{edge}}. */
    Reply postMultipart(String node, String edge, MultipartForm form) throws IOException, InterruptedException {
        HttpRequest request = authorized(uri(node, edge, null), SEND_TIMEOUT)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .build();
        return send(request);
    }

    /** GETs {@code /{node}?fields=...}. */
    Reply getFields(String node, String fields) throws IOException, InterruptedException {
        HttpRequest request = authorized(uri(node, null, "fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8)),
                LOOKUP_TIMEOUT).GET().build();
        return send(request);
    }

    private HttpRequest.Builder authorized(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private URI uri(String node, String edge, String query) {
        StringBuilder uri = new StringBuilder(settings.apiBaseUrl().toString())
                .append('/').append(settings.apiVersion())
                .append('/').append(URLEncoder.encode(node, StandardCharsets.UTF_8));
        if (edge != null) {
            uri.append('/').append(edge);
        }
        if (query != null) {
            uri.append('?').append(query);
        }
        return URI.create(uri.toString());
    }
}
