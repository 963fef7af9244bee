package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.TemplateMessage;

/**
 * Delivers outbound messages through {@code POST /{phone-number-id}/messages}: a template, or a text and its files
 * (each file uploaded first through {@code /{phone-number-id}/media}, then sent by id).
 *
 * <p>WhatsApp carries one file per message, so a reply with files becomes several messages. The text rides as the
 * caption of the first file when WhatsApp allows it (not on audio, at most 1,024 characters); otherwise it goes
 * first on its own. The provider id returned to the host is the first part's, so its receipts drive the status.
 */
final class MessageSender {

    /** WhatsApp's caption limit. */
    static final int MAX_CAPTION_LENGTH = 1024;

    private final GraphApi graph;
    private final String phoneNumberId;
    private final SentParts sentParts = new SentParts();
    private final System.Logger log;
    private final Duration timeout;

    MessageSender(GraphApi graph, String phoneNumberId, System.Logger log) {
        this(graph, phoneNumberId, log, GraphApi.DEFAULT_TIMEOUT);
    }

    /** With another deadline per call, so tests need not wait ten seconds for a slow provider. */
    MessageSender(GraphApi graph, String phoneNumberId, System.Logger log, Duration timeout) {
        this.graph = graph;
        this.phoneNumberId = phoneNumberId;
        this.log = log;
        this.timeout = timeout;
    }

    SendResult send(OutboundMessage message) {
        if (!message.recipient().kind().equals(IdentityKind.PHONE)) {
            return SendResult.permanent("WhatsApp delivers only to phone numbers, not to a "
                    + message.recipient().kind() + " identity");
        }
        String to = message.recipient().value().replaceAll("\\D", "");
        if (to.isEmpty()) {
            return SendResult.permanent("the recipient has no phone number digits");
        }
        if (message.template() != null) {
            return post(envelope(to, "template").add("template", template(message.template())));
        }
        return sendParts(message, to);
    }

    private SendResult sendParts(OutboundMessage message, String to) {
        List<Attachment> files = message.attachments();
        String text = message.text().strip();
        if (files.isEmpty() && text.isEmpty()) {
            return SendResult.permanent("nothing to send: the message has no text and no files");
        }
        // Uploads first: they are invisible to the customer, so a failed upload never leaves half a reply behind.
        List<String> mediaIds = new ArrayList<>();
        for (Attachment file : files) {
            Uploaded uploaded = upload(file);
            if (uploaded.failure() != null) {
                return uploaded.failure();
            }
            mediaIds.add(uploaded.mediaId());
        }
        List<JsonObject> parts = new ArrayList<>();
        boolean captioned = !files.isEmpty() && !text.isEmpty() && text.length() <= MAX_CAPTION_LENGTH
                && MediaTypes.takesCaption(MediaTypes.outboundKind(files.getFirst().contentType()));
        if (!text.isEmpty() && !captioned) {
            parts.add(envelope(to, "text").add("text", Json.object().add("body", text).add("preview_url", false)));
        }
        for (int i = 0; i < files.size(); i++) {
            Attachment file = files.get(i);
            String kind = MediaTypes.outboundKind(file.contentType());
            JsonObject media = Json.object().add("id", mediaIds.get(i));
            if (i == 0 && captioned) {
                media.add("caption", text);
            }
            if (kind.equals("document")) {
                media.add("filename", file.fileName());
            }
            parts.add(envelope(to, kind).add(kind, media));
        }
        String firstId = null;
        for (int i = 0; i < parts.size(); i++) {
            String providerId = sentParts.get(message.messageId(), i);
            if (providerId == null) {
                SendResult result = post(parts.get(i));
                if (result instanceof SendResult.Failed failed) {
                    return i == 0 ? failed : partly(failed, i, parts.size());
                }
                providerId = ((SendResult.Sent) result).externalId();
                sentParts.put(message.messageId(), i, providerId);
            }
            if (i == 0) {
                firstId = providerId;
            }
        }
        sentParts.forget(message.messageId());
        return SendResult.sent(firstId);
    }

    /** Earlier parts are out; a retry will skip them (see {@link SentParts}). */
    private static SendResult.Failed partly(SendResult.Failed failed, int sent, int total) {
        return new SendResult.Failed("Part " + (sent + 1) + " of " + total + " was not sent (the first " + sent
                + " arrived). " + failed.reason(), failed.retryable(), failed.retryAfter());
    }

    private record Uploaded(String mediaId, SendResult.Failed failure) {
    }

    private Uploaded upload(Attachment file) {
        Multipart form = new Multipart()
                .field("messaging_product", "whatsapp")
                .field("type", MediaTypes.bare(file.contentType()))
                .file("file", file.fileName(), file.contentType(), file.content());
        try {
            GraphResponse response = graph.postMultipart(graph.url(phoneNumberId + "/media"), form,
                    timeout);
            if (!response.isSuccess()) {
                SendResult.Failed failed = response.error().toFailure(response.retryAfter());
                return new Uploaded(null, new SendResult.Failed("The file " + file.fileName()
                        + " could not be uploaded. " + failed.reason(), failed.retryable(), failed.retryAfter()));
            }
            Optional<String> id = response.json().map(json -> json.get("id"))
                    .filter(JsonValue::isString).map(JsonValue::asString);
            return id.map(mediaId -> new Uploaded(mediaId, null)).orElseGet(() -> new Uploaded(null,
                    new SendResult.Failed("WhatsApp accepted the upload of " + file.fileName()
                            + " but returned no media id", true, null)));
        } catch (IOException e) {
            return new Uploaded(null, unreachable(e));
        }
    }

    private SendResult post(JsonObject payload) {
        URI url = graph.url(phoneNumberId + "/messages");
        try {
            GraphResponse response = graph.postJson(url, payload, timeout);
            if (!response.isSuccess()) {
                return response.error().toFailure(response.retryAfter());
            }
            Optional<String> id = response.json()
                    .map(json -> json.get("messages"))
                    .filter(JsonValue::isArray).map(JsonValue::asArray)
                    .filter(array -> !array.isEmpty() && array.get(0).isObject())
                    .map(array -> array.get(0).asObject().get("id"))
                    .filter(value -> value != null && value.isString())
                    .map(JsonValue::asString);
            if (id.isEmpty()) {
                // Accepted, but without an id the host could never match receipts; retrying might send it twice.
                log.log(Level.WARNING, "WhatsApp answered {0} to a send without a message id", response.status());
                return SendResult.permanent("WhatsApp answered HTTP " + response.status()
                        + " without a message id; the message may or may not have arrived");
            }
            return SendResult.sent(id.get());
        } catch (IOException e) {
            return unreachable(e);
        }
    }

    private static SendResult.Failed unreachable(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new SendResult.Failed("WhatsApp did not answer in time (" + e.getMessage() + ")", true, null);
        }
        return new SendResult.Failed("WhatsApp could not be reached: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), true, null);
    }

    private static JsonObject envelope(String to, String type) {
        return Json.object()
                .add("messaging_product", "whatsapp")
                .add("recipient_type", "individual")
                .add("to", to)
                .add("type", type);
    }

    private static JsonObject template(TemplateMessage template) {
        JsonObject json = Json.object()
                .add("name", template.name())
                .add("language", Json.object().add("code", template.language()));
        if (!template.parameters().isEmpty()) {
            JsonArray parameters = Json.array();
            template.parameters().forEach(value -> parameters.add(Json.object().add("type", "text")
                    .add("text", value)));
            json.add("components", Json.array().add(Json.object().add("type", "body").add("parameters", parameters)));
        }
        return json;
    }
}
