package org.switchboard.plugins.telegram;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Turns one Telegram {@code Update} into canonical events.
 *
 * <ul>
 *   <li>{@code message} in a private chat → one message with external id {@code <chat id>:<message id>}.</li>
 *   <li>{@code edited_message} → a new message with external id {@code <chat id>:<message id>:edit:<edit date>}
 *       and metadata {@code edited=true}: Telegram sends the whole edited message, and the host has no notion of
 *       editing a stored message, so the agent sees the new version as a further message.</li>
 *   <li>Group, supergroup and channel chats, service messages and other update types → no events: the channel
 *       serves one-to-one customer conversations, and Telegram must still get a 200 or it redelivers.</li>
 * </ul>
 */
final class UpdateReader {

    /** A Telegram private chat; the value is the chat id, which for private chats is the user's id. */
    static final IdentityKind TELEGRAM = new IdentityKind("telegram");

    /** A file a message carries, before it is downloaded. */
    private record MediaRef(String kind, String fileId, String fileName, String contentType) {
    }

    private final MediaFetcher media;

    UpdateReader(MediaFetcher media) {
        this.media = media;
    }

    List<InboundEvent> read(JsonObject update) throws MalformedUpdate {
        requireLong(update, "update_id", "the update");
        String field = "message";
        JsonValue value = update.get(field);
        if (value == null || value.isNull()) {
            field = "edited_message";
            value = update.get(field);
        }
        if (value == null || value.isNull()) {
            return List.of(); // callback queries, polls, member updates…: nothing a customer wrote
        }
        if (!value.isObject()) {
            throw new MalformedUpdate("'" + field + "' must be an object");
        }
        JsonObject message = value.asObject();
        long messageId = requireLong(message, "message_id", field);
        JsonObject chat = requireObject(message, "chat", field);
        long chatId = requireLong(chat, "id", field + ".chat");
        long date = requireLong(message, "date", field);
        if (!"private".equals(string(chat, "type"))) {
            return List.of();
        }
        boolean edited = field.equals("edited_message");
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Identity> others = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        JsonObject from = object(message, "from");
        Optional<String> text = content(message, from, metadata, others, attachments);
        if (text.isEmpty()) {
            return List.of(); // a service message (pinned, chat shared…) or a kind of content we do not carry
        }
        String externalId = chatId + ":" + messageId;
        Instant sentAt = Instant.ofEpochSecond(date);
        if (edited) {
            long editDate = requireLong(message, "edit_date", field);
            metadata.put("edited", "true");
            metadata.put("originalExternalId", externalId);
            externalId = externalId + ":edit:" + editDate;
            sentAt = Instant.ofEpochSecond(editDate);
        }
        if (from != null) {
            number(from, "id").ifPresent(id -> metadata.put("telegramUserId", id));
            Optional.ofNullable(string(from, "username")).ifPresent(u -> metadata.put("telegramUsername", u));
            Optional.ofNullable(string(from, "language_code")).ifPresent(l -> metadata.put("languageCode", l));
        }
        return List.of(new InboundMessage(externalId, new Identity(TELEGRAM, Long.toString(chatId)),
                senderName(from, chat), others, text.get(), null, attachments, sentAt, ThreadingHints.NONE,
                metadata));
    }

    /**
     * The message's text, filling in attachments, further identities and metadata on the way; empty when the
     * message carries nothing this channel shows.
     */
    private Optional<String> content(JsonObject message, JsonObject from, Map<String, String> metadata,
            List<Identity> others, List<Attachment> attachments) {
        String text = string(message, "text");
        if (text == null) {
            text = string(message, "caption");
        }
        Optional<MediaRef> ref = mediaOf(message);
        if (ref.isPresent()) {
            MediaRef file = ref.get();
            metadata.put("mediaType", file.kind());
            if (text == null && file.kind().equals("sticker")) {
                text = string(object(message, "sticker"), "emoji");
            }
            try {
                attachments.add(media.fetch(file.fileId(), file.fileName(), file.contentType()));
            } catch (MediaFetcher.MediaUnavailable e) {
                // Keep the message: the customer wrote something, and the agent should know a file was lost.
                metadata.put("attachmentError", e.getMessage());
                String note = "[" + file.kind() + " could not be downloaded from Telegram: " + e.getMessage() + "]";
                text = text == null || text.isEmpty() ? note : text + "\n" + note;
            }
            return Optional.of(text == null ? "" : text);
        }
        if (text != null) {
            return Optional.of(text);
        }
        JsonObject venue = object(message, "venue");
        JsonObject location = venue != null ? object(venue, "location") : object(message, "location");
        if (location != null) {
            String latitude = number(location, "latitude").orElse("?");
            String longitude = number(location, "longitude").orElse("?");
            metadata.put("latitude", latitude);
            metadata.put("longitude", longitude);
            String place = latitude + "," + longitude;
            if (venue != null) {
                String title = join(string(venue, "title"), string(venue, "address"), ", ");
                return Optional.of(title.isEmpty() ? place : title + "\n" + place);
            }
            return Optional.of(place);
        }
        JsonObject contact = object(message, "contact");
        if (contact != null) {
            String phone = string(contact, "phone_number");
            String name = join(string(contact, "first_name"), string(contact, "last_name"), " ");
            if (phone != null && !phone.isBlank()) {
                metadata.put("contactPhone", phone);
                // Only the customer's own number identifies them; a shared friend's card does not.
                Optional<String> owner = number(contact, "user_id");
                if (from != null && owner.isPresent() && owner.equals(number(from, "id"))) {
                    others.add(Identity.phone(phone));
                }
            }
            return Optional.of("Contact: " + join(name, phone, ", "));
        }
        JsonObject poll = object(message, "poll");
        if (poll != null) {
            return Optional.of("Poll: " + Optional.ofNullable(string(poll, "question")).orElse(""));
        }
        JsonObject dice = object(message, "dice");
        if (dice != null) {
            return Optional.of(join(string(dice, "emoji"), number(dice, "value").orElse(null), " "));
        }
        return Optional.empty();
    }

    /** The one file a message carries; an animation also comes as {@code document}, which is taken. */
    private static Optional<MediaRef> mediaOf(JsonObject message) {
        JsonValue photo = message.get("photo");
        if (photo != null && photo.isArray() && !photo.asArray().isEmpty()) {
            return largest(photo.asArray()).map(size -> new MediaRef("photo", size, null, "image/jpeg"));
        }
        for (String kind : List.of("document", "video", "audio", "voice", "video_note", "sticker")) {
            JsonObject file = object(message, kind);
            String fileId = file == null ? null : string(file, "file_id");
            if (fileId != null) {
                String type = Optional.ofNullable(string(file, "mime_type")).orElse(defaultType(kind, file));
                return Optional.of(new MediaRef(kind, fileId, string(file, "file_name"), type));
            }
        }
        return Optional.empty();
    }

    private static String defaultType(String kind, JsonObject file) {
        return switch (kind) {
            case "video", "video_note" -> "video/mp4";
            case "audio" -> "audio/mpeg";
            case "voice" -> "audio/ogg";
            case "sticker" -> file.getBoolean("is_animated", false) ? "application/x-tgsticker"
                    : file.getBoolean("is_video", false) ? "video/webm" : "image/webp";
            default -> "application/octet-stream";
        };
    }

    /** Telegram lists a photo in several sizes; the agent gets the largest. */
    private static Optional<String> largest(JsonArray sizes) {
        String best = null;
        long bestPixels = -1;
        for (JsonValue size : sizes) {
            if (!size.isObject() || string(size.asObject(), "file_id") == null) {
                continue;
            }
            JsonObject s = size.asObject();
            long pixels = s.getLong("width", 0) * s.getLong("height", 0);
            if (pixels >= bestPixels) {
                bestPixels = pixels;
                best = string(s, "file_id");
            }
        }
        return Optional.ofNullable(best);
    }

    private static String senderName(JsonObject from, JsonObject chat) {
        for (JsonObject who : new JsonObject[] {from, chat}) {
            if (who == null) {
                continue;
            }
            String name = join(string(who, "first_name"), string(who, "last_name"), " ");
            if (!name.isEmpty()) {
                return name;
            }
            String username = string(who, "username");
            if (username != null && !username.isBlank()) {
                return username;
            }
        }
        return null;
    }

    private static String join(String first, String second, String separator) {
        String a = first == null ? "" : first.strip();
        String b = second == null ? "" : second.strip();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + separator + b;
    }

    private static long requireLong(JsonObject object, String name, String where) throws MalformedUpdate {
        JsonValue value = object.get(name);
        if (value == null || !value.isNumber()) {
            throw new MalformedUpdate("'" + name + "' of " + where + " is missing or not a number");
        }
        try {
            return value.asLong();
        } catch (NumberFormatException e) {
            throw new MalformedUpdate("'" + name + "' of " + where + " is not a whole number");
        }
    }

    private static JsonObject requireObject(JsonObject object, String name, String where) throws MalformedUpdate {
        JsonObject value = object(object, name);
        if (value == null) {
            throw new MalformedUpdate("'" + name + "' of " + where + " is missing or not an object");
        }
        return value;
    }

    private static JsonObject object(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value != null && value.isObject() ? value.asObject() : null;
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** A number exactly as Telegram wrote it (ids beyond 2^53, coordinates with all their digits). */
    private static Optional<String> number(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value != null && value.isNumber() ? Optional.of(value.toString()) : Optional.empty();
    }
}
