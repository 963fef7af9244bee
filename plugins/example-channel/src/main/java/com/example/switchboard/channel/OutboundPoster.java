package com.example.switchboard.channel;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * POSTs a reply as signed JSON to the account's outbound URL.
 *
 * <p>2xx → sent, with the {@code id} the receiver answered (else our message id); 429, 5xx, timeouts and network
 * errors → retryable (the portal tries again later); any other status → permanent, with the receiver's
 * {@code error}. The URL never appears in a reason: it may carry a credential in its query.
 */
final class OutboundPoster {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REASON = 300;

    private final HttpClient http;
    private final URI url;
    private final WebhookSignature signature;

    OutboundPoster(HttpClient http, URI url, WebhookSignature signature) {
        this.http = http;
        this.url = url;
        this.signature = signature;
    }

    SendResult send(OutboundMessage message) {
        byte[] body = Json.object()
                .add("id", message.messageId())
                .add("to", message.recipient().value())
                .add("text", message.text())
                .add("authorName", message.authorName() == null ? Json.NULL : Json.value(message.authorName()))
                .toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature.sign(body))
                // The portal retries after a lost answer with the same message id: the receiver can drop the copy.
                .header("Idempotency-Key", message.messageId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return SendResult.retryable("the receiver did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return SendResult.retryable("the receiver could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryable("interrupted while sending");
        }
        int status = response.statusCode();
        JsonObject answer = jsonObject(response.body());
        if (status / 100 == 2) {
            String id = answer == null ? null : answer.getString("id", null);
            return SendResult.sent(id == null || id.isBlank() ? message.messageId() : id);
        }
        String reason = "the receiver answered HTTP " + status + error(answer);
        return status == 429 || status >= 500 ? SendResult.retryable(reason) : SendResult.permanent(reason);
    }

    private static JsonObject jsonObject(byte[] body) {
        try {
            JsonValue value = Json.parse(new String(body, StandardCharsets.UTF_8));
            return value.isObject() ? value.asObject() : null;
        } catch (ParseException e) {
            return null;
        }
    }

    private static String error(JsonObject answer) {
        JsonValue error = answer == null ? null : answer.get("error");
        if (error == null || !error.isString() || error.asString().isBlank()) {
            return "";
        }
        String text = error.asString().strip();
        return ": " + (text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text);
    }
}
