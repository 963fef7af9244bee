package org.switchboard.plugins.api;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * Delivers an outbound message by POSTing it, signed, to the account's callback URL.
 *
 * <p>2xx → {@code Sent} with the {@code id} the callback answered (else our message id); 429, 5xx, timeouts and
 * I/O errors → retryable, honouring {@code Retry-After}; anything else → permanent with the body's
 * {@code error}. The callback URL never appears in a reason: it may carry a credential in its query.
 */
final class CallbackSender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REASON = 300;

    private final HttpClient http;
    private final URI callbackUrl;
    private final Signature signature;
    private final Clock clock;

    CallbackSender(HttpClient http, URI callbackUrl, Signature signature, Clock clock) {
        this.http = http;
        this.callbackUrl = callbackUrl;
        this.signature = signature;
        this.clock = clock;
    }

    SendResult send(OutboundMessage message) {
        byte[] body = payload(message).toString().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(callbackUrl)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signature.SIGNATURE_HEADER, signature.sign(timestamp, body))
                // Retries carry the same key, so the receiver can drop a duplicate after a lost answer.
                .header("Idempotency-Key", message.messageId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return SendResult.retryable("the callback did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return SendResult.retryable("the callback could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryable("interrupted while calling the callback");
        }
        int status = response.statusCode();
        JsonObject answer = jsonObject(response.body());
        if (status / 100 == 2) {
            String id = answer == null ? null : answer.getString("id", null);
            return SendResult.sent(id == null || id.isBlank() ? message.messageId() : id);
        }
        String reason = "the callback answered HTTP " + status + errorOf(answer, response.body());
        if (status == 429 || status >= 500) {
            return new SendResult.Failed(reason, true, retryAfter(response));
        }
        return SendResult.permanent(reason);
    }

    static JsonObject payload(OutboundMessage message) {
        JsonObject json = Json.object()
                .add("id", message.messageId())
                .add("conversationId", nullable(message.conversationId()))
                .add("to", Json.object().add("kind", message.recipient().kind().id())
                        .add("value", message.recipient().value()))
                .add("authorName", nullable(message.authorName()))
                .add("text", message.text())
                .add("html", nullable(message.html()))
                .add("subject", nullable(message.threading().subject()));
        JsonArray attachments = Json.array();
        for (Attachment attachment : message.attachments()) {
            JsonObject item = Json.object().add("fileName", attachment.fileName())
                    .add("contentType", attachment.contentType())
                    .add("base64", Base64.getEncoder().encodeToString(attachment.content()));
            if (attachment.inline()) {
                item.add("inline", true).add("contentId", nullable(attachment.contentId()));
            }
            attachments.add(item);
        }
        json.add("attachments", attachments);
        if (message.template() != null) {
            JsonArray parameters = Json.array();
            message.template().parameters().forEach(parameters::add);
            json.add("template", Json.object().add("name", message.template().name())
                    .add("language", message.template().language()).add("parameters", parameters));
        }
        return json;
    }

    private static JsonValue nullable(String value) {
        return value == null ? Json.NULL : Json.value(value);
    }

    private static JsonObject jsonObject(byte[] body) {
        try {
            JsonValue value = Json.parse(new String(body, StandardCharsets.UTF_8));
            return value.isObject() ? value.asObject() : null;
        } catch (ParseException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String errorOf(JsonObject answer, byte[] body) {
        String error = null;
        if (answer != null) {
            JsonValue value = answer.get("error");
            if (value != null && value.isString()) {
                error = value.asString();
            } else if (value != null && value.isObject()) {
                error = value.asObject().getString("message", null);
            }
        }
        if (error == null || error.isBlank()) {
            return "";
        }
        error = error.strip();
        return ": " + (error.length() > MAX_REASON ? error.substring(0, MAX_REASON) + "…" : error);
    }

    private Duration retryAfter(HttpResponse<?> response) {
        String header = response.headers().firstValue("Retry-After").orElse(null);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), when.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
