package org.switchboard.plugins.telegram;

import com.eclipsesource.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * Delivers an outbound message with {@code sendMessage}, or with {@code sendPhoto}/{@code sendDocument} for
 * attachments (the text as the caption when there is one attachment and the text fits a caption).
 *
 * <p>Telegram's answers map to outcomes: {@code ok} → {@code Sent("<chat id>:<message id>")}; 429 and 5xx →
 * retryable (with {@code retry_after}); other 4xx (bot blocked by the user, chat not found) → permanent with
 * Telegram's description. The Bot API has no idempotency key, so a retry after a partial failure of a message in
 * several parts sends the earlier parts again; the reason says so.
 */
final class TelegramSender {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    /** sendPhoto's limit; larger images go as documents. */
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    /** The Bot API's upload limit for any file. */
    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,20}");
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private final BotApi api;

    TelegramSender(BotApi api) {
        this.api = api;
    }

    SendResult send(OutboundMessage message) {
        if (!message.recipient().kind().equals(UpdateReader.TELEGRAM)
                || !CHAT_ID.matcher(message.recipient().value()).matches()) {
            return SendResult.permanent("Telegram can only reply to a Telegram chat id, not a "
                    + message.recipient().kind() + " identity");
        }
        long chatId = Long.parseLong(message.recipient().value());
        String text = message.text();
        if (text.length() > MAX_TEXT) {
            return SendResult.permanent("the text is longer than Telegram's " + MAX_TEXT + " characters");
        }
        if (text.isBlank() && message.attachments().isEmpty()) {
            return SendResult.permanent("nothing to send: no text and no attachments");
        }
        for (Attachment attachment : message.attachments()) {
            if (attachment.content().length > MAX_UPLOAD_BYTES) {
                return SendResult.permanent("attachment " + attachment.fileName() + " is larger than Telegram's "
                        + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB upload limit");
            }
        }
        List<Step> steps = plan(chatId, text, message.attachments());
        String firstId = null;
        for (int i = 0; i < steps.size(); i++) {
            SendResult result = steps.get(i).run();
            if (result instanceof SendResult.Failed failed) {
                return i == 0 ? failed : new SendResult.Failed(failed.reason() + " (part " + (i + 1) + " of "
                        + steps.size() + "; earlier parts were delivered and a retry sends them again)",
                        failed.retryable(), failed.retryAfter());
            }
            if (firstId == null) {
                firstId = ((SendResult.Sent) result).externalId();
            }
        }
        return SendResult.sent(firstId);
    }

    private interface Step {
        SendResult run();
    }

    private List<Step> plan(long chatId, String text, List<Attachment> attachments) {
        List<Step> steps = new ArrayList<>();
        boolean captioned = attachments.size() == 1 && !text.isBlank() && text.length() <= MAX_CAPTION;
        if (!text.isBlank() && !captioned) {
            steps.add(() -> call(chatId, () -> api.call("sendMessage",
                    Json.object().add("chat_id", chatId).add("text", text))));
        }
        for (Attachment attachment : attachments) {
            String caption = captioned ? text : null;
            steps.add(() -> call(chatId, () -> upload(chatId, attachment, caption)));
        }
        return steps;
    }

    private ApiAnswer upload(long chatId, Attachment attachment, String caption)
            throws IOException, InterruptedException {
        boolean photo = PHOTO_TYPES.contains(attachment.contentType().toLowerCase(java.util.Locale.ROOT))
                && attachment.content().length <= MAX_PHOTO_BYTES;
        MultipartBody body = new MultipartBody().field("chat_id", Long.toString(chatId));
        if (caption != null) {
            body.field("caption", caption);
        }
        body.file(photo ? "photo" : "document", attachment.fileName(), attachment.contentType(), attachment.content());
        return api.upload(photo ? "sendPhoto" : "sendDocument", body);
    }

    private interface Call {
        ApiAnswer run() throws IOException, InterruptedException;
    }

    private SendResult call(long chatId, Call call) {
        ApiAnswer answer;
        try {
            answer = call.run();
        } catch (IOException e) {
            return SendResult.retryable("Telegram could not be reached: " + api.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryable("interrupted while sending to Telegram");
        }
        if (answer.ok()) {
            return answer.messageId().map(id -> SendResult.sent(chatId + ":" + id))
                    // Delivered, just not numbered: failing it would make an agent send it twice.
                    .orElseGet(() -> SendResult.sent(chatId + ":unknown"));
        }
        String reason = "Telegram refused the message (HTTP " + answer.httpStatus() + "): " + answer.description();
        if (answer.retryable()) {
            return new SendResult.Failed(reason, true, answer.retryAfter());
        }
        return SendResult.permanent(reason);
    }
}
