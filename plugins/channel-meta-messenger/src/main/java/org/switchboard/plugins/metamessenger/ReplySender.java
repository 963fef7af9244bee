package org.switchboard.plugins.metamessenger;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * Delivers one reply through the Send API: {@code POST /{pageId|igUserId}/messages} with
 * {@code {recipient:{id}, messaging_type:"RESPONSE", message:{text}}}. On Messenger each file goes first as its own
 * message, uploaded with it as {@code filedata} (the Send API's "upload and send" form); the text follows. The
 * result carries the text's message id (or the last file's when there is no text), which delivery receipts name.
 */
final class ReplySender {

    /** Files the Send API accepts by upload (25 MB). */
    static final int MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
    /** Instagram counts its limit in UTF-8 bytes, not characters. */
    private static final int INSTAGRAM_MAX_TEXT_BYTES = 1000;

    /** Something worth telling admins about the last send, or {@code null}. */
    interface Observer {
        void tokenRefused(GraphError error);

        void sent();
    }

    private final MetaSettings settings;
    private final GraphApi graph;
    private final PartialSends partialSends = new PartialSends();
    private final Observer observer;

    ReplySender(MetaSettings settings, GraphApi graph, Observer observer) {
        this.settings = settings;
        this.graph = graph;
        this.observer = observer;
    }

    SendResult send(OutboundMessage message) {
        MetaNetwork network = settings.network();
        if (!message.recipient().kind().equals(network.identityKind())) {
            return SendResult.permanent(network.displayName() + " can only reply to a " + network.identityKind()
                    + " identity, not " + message.recipient().kind());
        }
        String text = message.text().strip();
        List<Attachment> attachments = message.attachments();
        if (text.isEmpty() && attachments.isEmpty()) {
            return SendResult.permanent("nothing to send: the reply has neither text nor files");
        }
        String tooLong = textTooLong(text);
        if (tooLong != null) {
            return SendResult.permanent(tooLong);
        }
        if (!attachments.isEmpty() && network == MetaNetwork.INSTAGRAM) {
            return SendResult.permanent("Instagram replies cannot carry files here: Instagram only takes media by "
                    + "public URL, and the portal does not publish attachments; send the text alone");
        }
        String lastMessageId = null;
        for (int part = 0; part < attachments.size(); part++) {
            String done = partialSends.deliveredPart(message.messageId(), part);
            if (done != null) {
                lastMessageId = done;
                continue;
            }
            Attachment attachment = attachments.get(part);
            if (attachment.content().length > MAX_UPLOAD_BYTES) {
                return SendResult.permanent("'" + attachment.fileName() + "' is larger than Meta's 25 MB limit");
            }
            Outcome outcome = sendFile(message.recipient().value(), attachment);
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            partialSends.record(message.messageId(), part, outcome.messageId());
            lastMessageId = outcome.messageId();
        }
        if (!text.isEmpty()) {
            Outcome outcome = sendText(message.recipient().value(), text);
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            lastMessageId = outcome.messageId();
        }
        partialSends.forget(message.messageId());
        observer.sent();
        return SendResult.sent(lastMessageId);
    }

    private String textTooLong(String text) {
        if (settings.network() == MetaNetwork.INSTAGRAM) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            return bytes > INSTAGRAM_MAX_TEXT_BYTES ? "the text is " + bytes + " bytes long; Instagram takes at most "
                    + INSTAGRAM_MAX_TEXT_BYTES + " bytes (UTF-8) per message" : null;
        }
        int max = settings.network().descriptor().maxTextLength();
        return text.length() > max ? "the text is " + text.length() + " characters long; Messenger takes at most "
                + max : null;
    }

    private Outcome sendText(String recipient, String text) {
        JsonObject body = Json.object()
                .add("recipient", Json.object().add("id", recipient))
                .add("messaging_type", "RESPONSE")
                .add("message", Json.object().add("text", text));
        return call(() -> graph.postJson(settings.accountId(), "messages", body.toString()));
    }

    private Outcome sendFile(String recipient, Attachment attachment) {
        JsonObject message = Json.object().add("attachment", Json.object()
                .add("type", attachmentType(attachment.contentType()))
                .add("payload", Json.object().add("is_reusable", false)));
        MultipartForm form = new MultipartForm()
                .field("recipient", Json.object().add("id", recipient).toString())
                .field("messaging_type", "RESPONSE")
                .field("message", message.toString())
                .file("filedata", attachment.fileName(), attachment.contentType(), attachment.content());
        return call(() -> graph.postMultipart(settings.accountId(), "messages", form));
    }

    /** The Send API's attachment type for a MIME type; anything not image, audio or video goes as a file. */
    static String attachmentType(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("audio/")) {
            return "audio";
        }
        if (type.startsWith("video/")) {
            return "video";
        }
        return "file";
    }

    private interface GraphCall {
        GraphApi.Reply call() throws IOException, InterruptedException;
    }

    /** Either a Meta message id or the failure to return. */
    private record Outcome(String messageId, SendResult failure) {
    }

    private Outcome call(GraphCall call) {
        GraphApi.Reply reply;
        try {
            reply = call.call();
        } catch (HttpTimeoutException e) {
            return new Outcome(null, SendResult.retryable("Meta did not answer within "
                    + GraphApi.SEND_TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            return new Outcome(null, SendResult.retryable("Meta could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, SendResult.retryable("interrupted while sending"));
        }
        if (!reply.ok()) {
            GraphError error = GraphError.parse(reply.status(), reply.body());
            if (error.isAccessTokenProblem()) {
                observer.tokenRefused(error);
            }
            return new Outcome(null, error.toFailure(reply.retryAfter()));
        }
        String messageId = messageId(reply.body());
        if (messageId == null) {
            // It went out, so a retry would send it twice; say so instead.
            return new Outcome(null, SendResult.permanent("Meta accepted the message but returned no message_id "
                    + "(HTTP " + reply.status() + "); it was probably delivered"));
        }
        return new Outcome(messageId, null);
    }

    private static String messageId(String body) {
        try {
            JsonValue parsed = Json.parse(body);
            if (parsed.isObject()) {
                JsonValue id = parsed.asObject().get("message_id");
                if (id != null && id.isString() && !id.asString().isBlank()) {
                    return id.asString();
                }
            }
        } catch (RuntimeException e) {
            // falls through
        }
        return null;
    }
}
