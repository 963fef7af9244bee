package org.switchboard.plugins.whatsapp;

import static org.switchboard.plugins.whatsapp.JsonFields.number;
import static org.switchboard.plugins.whatsapp.JsonFields.object;
import static org.switchboard.plugins.whatsapp.JsonFields.objects;
import static org.switchboard.plugins.whatsapp.JsonFields.requiredString;
import static org.switchboard.plugins.whatsapp.JsonFields.string;

import com.eclipsesource.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Turns one element of a notification's {@code messages} array into a canonical message. Every type becomes a
 * message, even one Switchboard cannot show: an agent is better served by a note saying what arrived than by
 * silence.
 */
final class InboundMessageReader {

    /**
     * Meta's business-scoped user id (e.g. {@code US.13491208655302741918}), the only identity of a user who hides
     * their phone number behind a WhatsApp username.
     */
    static final IdentityKind WHATSAPP_USER_ID = new IdentityKind("whatsapp-user-id");

    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "document", "sticker");

    private final MediaDownloader media;

    InboundMessageReader(MediaDownloader media) {
        this.media = media;
    }

    /**
     * Reads one message.
     *
     * @param message      the element of {@code messages}
     * @param path         its JSON path, for error messages
     * @param contactNames profile names by {@code wa_id} (digits) and by {@code user_id}, from the same change's
     *                     {@code contacts}
     * @param now          the time to use when the message has no timestamp
     */
    InboundMessage read(JsonObject message, String path, Map<String, String> contactNames, Instant now)
            throws MalformedPayload {
        String id = requiredString(message, "id", path);
        if (id.length() > 255) {
            throw new MalformedPayload("'" + path + ".id' is longer than 255 characters");
        }
        Identity sender;
        List<Identity> others = new ArrayList<>();
        String from = string(message, "from", path).orElse("");
        String userId = string(message, "from_user_id", path).orElse("");
        if (!from.isBlank()) {
            String digits = from.startsWith("+") ? from.substring(1) : from;
            if (!digits.matches("\\d{1,20}")) {
                throw new MalformedPayload("'" + path + ".from' must be a phone number in digits");
            }
            sender = Identity.phone("+" + digits);
            if (!userId.isBlank()) {
                others.add(new Identity(WHATSAPP_USER_ID, userId)); // links a later username-only message
            }
        } else if (!userId.isBlank()) {
            // A user with a WhatsApp username may hide their number: Meta then sends only the business-scoped id.
            sender = new Identity(WHATSAPP_USER_ID, userId);
        } else {
            throw new MalformedPayload("'" + path + ".from' is missing");
        }
        String senderKey = sender.kind().equals(IdentityKind.PHONE) ? sender.value().substring(1) : userId;
        String type = string(message, "type", path).orElse("unknown");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("whatsapp_type", type);
        object(message, "context", path).ifPresent(context -> {
            if (context.get("id") != null && context.get("id").isString()) {
                metadata.put("context_id", context.get("id").asString()); // the message this one replies to
            }
            if (context.get("forwarded") != null && context.get("forwarded").isTrue()) {
                metadata.put("forwarded", "true");
            }
        });
        List<Attachment> attachments = new ArrayList<>();
        String text = MEDIA_TYPES.contains(type)
                ? media(message, type, path, metadata, attachments)
                : textOf(message, type, path, metadata);
        String name = contactNames.getOrDefault(senderKey, userId.isBlank() ? null : contactNames.get(userId));
        return new InboundMessage(id, sender, name, others, text,
                null, attachments, timestamp(message, path, now), ThreadingHints.NONE, metadata);
    }

    private String textOf(JsonObject message, String type, String path, Map<String, String> metadata)
            throws MalformedPayload {
        String at = path + "." + type;
        return switch (type) {
            case "text" -> string(object(message, type, path).orElse(new JsonObject()), "body", at).orElse("");
            case "location" -> location(object(message, type, path).orElse(new JsonObject()), at, metadata);
            case "interactive" -> interactive(object(message, type, path).orElse(new JsonObject()), at, metadata);
            case "button" -> {
                JsonObject button = object(message, type, path).orElse(new JsonObject());
                string(button, "payload", at).ifPresent(payload -> metadata.put("button_payload", payload));
                yield string(button, "text", at).orElse("");
            }
            case "reaction" -> reaction(object(message, type, path).orElse(new JsonObject()), at, metadata);
            case "contacts" -> contacts(message, path);
            default -> unsupported(message, type, path, metadata);
        };
    }

    private String media(JsonObject message, String type, String path, Map<String, String> metadata,
            List<Attachment> attachments) throws MalformedPayload {
        String at = path + "." + type;
        JsonObject body = object(message, type, path)
                .orElseThrow(() -> new MalformedPayload("'" + at + "' is missing"));
        String mediaId = requiredString(body, "id", at);
        String caption = string(body, "caption", at).orElse("");
        metadata.put("media_id", mediaId);
        if (body.get("voice") != null && body.get("voice").isTrue()) {
            metadata.put("voice", "true");
        }
        MediaDownloader.Result result = media.download(mediaId, string(body, "mime_type", at).orElse(null),
                string(body, "sha256", at).orElse(null), string(body, "filename", at).orElse(null), type);
        if (result.attachment() != null) {
            attachments.add(result.attachment());
            return caption;
        }
        metadata.put("media_error", result.problem());
        String note = "[" + type + " could not be downloaded]";
        return caption.isBlank() ? note : caption + "\n" + note;
    }

    private static String location(JsonObject location, String at, Map<String, String> metadata)
            throws MalformedPayload {
        String latitude = number(location, "latitude", at).orElse(null);
        String longitude = number(location, "longitude", at).orElse(null);
        String name = string(location, "name", at).orElse("");
        String address = string(location, "address", at).orElse("");
        List<String> lines = new ArrayList<>();
        putIfPresent(metadata, "location_name", name);
        putIfPresent(metadata, "location_address", address);
        string(location, "url", at).ifPresent(url -> putIfPresent(metadata, "location_url", url));
        if (!name.isBlank()) {
            lines.add(name);
        }
        if (!address.isBlank()) {
            lines.add(address);
        }
        if (latitude != null && longitude != null) {
            metadata.put("latitude", latitude);
            metadata.put("longitude", longitude);
            lines.add(latitude + "," + longitude);
        }
        return lines.isEmpty() ? "[location]" : String.join("\n", lines);
    }

    private static String interactive(JsonObject interactive, String at, Map<String, String> metadata)
            throws MalformedPayload {
        String kind = string(interactive, "type", at).orElse("unknown");
        metadata.put("interactive_type", kind);
        if (kind.equals("button_reply") || kind.equals("list_reply")) {
            JsonObject reply = object(interactive, kind, at).orElse(new JsonObject());
            string(reply, "id", at + "." + kind).ifPresent(id -> metadata.put("reply_id", id));
            string(reply, "description", at + "." + kind)
                    .ifPresent(description -> putIfPresent(metadata, "reply_description", description));
            return string(reply, "title", at + "." + kind).orElse("");
        }
        return "[unsupported WhatsApp interactive reply: " + kind + "]";
    }

    private static String reaction(JsonObject reaction, String at, Map<String, String> metadata)
            throws MalformedPayload {
        string(reaction, "message_id", at).ifPresent(id -> metadata.put("reaction_to", id));
        String emoji = string(reaction, "emoji", at).orElse("");
        if (emoji.isBlank()) {
            // Meta sends a reaction without emoji when the customer takes their reaction back.
            metadata.put("reaction_removed", "true");
            return "[reaction removed]";
        }
        return emoji;
    }

    private static String contacts(JsonObject message, String path) throws MalformedPayload {
        List<String> lines = new ArrayList<>();
        List<JsonObject> shared = objects(message, "contacts", path);
        for (int i = 0; i < shared.size(); i++) {
            String at = path + ".contacts[" + i + "]";
            JsonObject contact = shared.get(i);
            JsonObject names = object(contact, "name", at).orElse(new JsonObject());
            String name = string(names, "formatted_name", at + ".name").orElse("(no name)");
            List<String> phones = new ArrayList<>();
            for (JsonObject phone : objects(contact, "phones", at)) {
                string(phone, "phone", at + ".phones").ifPresent(phones::add);
            }
            lines.add("Shared contact: " + name + (phones.isEmpty() ? "" : ", " + String.join(", ", phones)));
        }
        return lines.isEmpty() ? "[shared contact]" : String.join("\n", lines);
    }

    private static String unsupported(JsonObject message, String type, String path, Map<String, String> metadata)
            throws MalformedPayload {
        String kind = type;
        if (type.equals("unsupported")) {
            JsonObject details = object(message, "unsupported", path).orElse(new JsonObject());
            kind = string(details, "type", path + ".unsupported").orElse(type);
        }
        List<JsonObject> errors = objects(message, "errors", path);
        if (!errors.isEmpty() && errors.getFirst().get("code") != null) {
            metadata.put("error_code", errors.getFirst().get("code").toString());
        }
        metadata.put("unsupported_type", kind);
        return "[unsupported WhatsApp message type: " + kind + "]";
    }

    private static Instant timestamp(JsonObject message, String path, Instant now) throws MalformedPayload {
        String value = string(message, "timestamp", path).orElse(null);
        if (value == null) {
            return now;
        }
        if (!value.strip().matches("\\d{1,12}")) {
            throw new MalformedPayload("'" + path + ".timestamp' must be Unix seconds");
        }
        return Instant.ofEpochSecond(Long.parseLong(value.strip()));
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            // capped: metadata is stored with every message, and these values come from the customer's phone
            metadata.put(key, value.length() > 512 ? value.substring(0, 512) : value);
        }
    }
}
