package org.switchboard.plugins.api;

import com.eclipsesource.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Reads posted messages: one object, or {@code {"messages":[…]}} with at most {@link #MAX_BATCH}. A batch is
 * taken whole or refused whole, so the sender never has to find out which half was stored.
 */
final class MessageReader {

    static final int MAX_BATCH = 100;
    static final int MAX_TEXT = 65_536;
    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    static final int MAX_ID = 255;
    static final int MAX_VALUE = 320;
    static final int MAX_NAME = 200;
    static final int MAX_METADATA_ENTRIES = 50;
    static final int MAX_METADATA_VALUE = 2000;

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /** The messages of a body; {@code now} stands in for a missing {@code sentAt}. */
    List<InboundMessage> read(JsonFields body, Instant now) throws InvalidRequest {
        if (!body.has("messages")) {
            return List.of(message(body, now));
        }
        List<JsonFields> items = body.objects("messages");
        if (items.isEmpty()) {
            throw InvalidRequest.badRequest("'messages' must hold at least one message");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidRequest.badRequest("'messages' holds " + items.size() + " messages; at most " + MAX_BATCH);
        }
        List<InboundMessage> messages = new ArrayList<>();
        for (JsonFields item : items) {
            messages.add(message(item, now));
        }
        return messages;
    }

    private InboundMessage message(JsonFields json, Instant now) throws InvalidRequest {
        String id = json.requiredString("id");
        if (id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequest.badRequest("'" + json.pathOf("id") + "' must be 1 to " + MAX_ID
                    + " characters without control characters");
        }
        JsonFields from = json.requiredObject("from");
        Identity sender = identity(from);
        String name = from.string("name").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (name != null && name.length() > MAX_NAME) {
            throw InvalidRequest.badRequest("'" + from.pathOf("name") + "' is longer than " + MAX_NAME + " characters");
        }
        String text = json.string("text").orElse("");
        if (text.length() > MAX_TEXT) {
            throw InvalidRequest.badRequest("'" + json.pathOf("text") + "' is longer than " + MAX_TEXT + " characters");
        }
        String html = json.string("html").filter(s -> !s.isBlank()).orElse(null);
        if (html != null && html.length() > MAX_TEXT) {
            throw InvalidRequest.badRequest("'" + json.pathOf("html") + "' is longer than " + MAX_TEXT + " characters");
        }
        List<Attachment> attachments = attachments(json);
        if (text.isBlank() && attachments.isEmpty()) {
            throw InvalidRequest.badRequest("'" + json.pathOf("text") + "' is required unless there are attachments");
        }
        List<Identity> others = new ArrayList<>();
        for (JsonFields alias : json.objects("alsoKnownAs")) {
            others.add(identity(alias));
        }
        String subject = json.string("subject").filter(s -> !s.isBlank()).orElse(null);
        return new InboundMessage(id, sender, name, others, text, html, attachments, sentAt(json, now),
                subject == null ? ThreadingHints.NONE : new ThreadingHints(subject, null, null, List.of()),
                metadata(json));
    }

    private static Identity identity(JsonFields json) throws InvalidRequest {
        String kind = json.requiredString("kind");
        if (!KIND.matcher(kind).matches()) {
            throw InvalidRequest.badRequest("'" + json.pathOf("kind")
                    + "' must be lower-case letters, digits and dashes, such as email, phone or acme-account");
        }
        String value = json.requiredString("value").strip();
        if (value.length() > MAX_VALUE) {
            throw InvalidRequest.badRequest("'" + json.pathOf("value") + "' is longer than " + MAX_VALUE
                    + " characters");
        }
        return new Identity(new IdentityKind(kind), value);
    }

    private static List<Attachment> attachments(JsonFields json) throws InvalidRequest {
        List<Attachment> attachments = new ArrayList<>();
        for (JsonFields item : json.objects("attachments")) {
            String fileName = item.requiredString("fileName");
            String contentType = item.string("contentType").filter(s -> !s.isBlank())
                    .orElse("application/octet-stream");
            String base64 = item.requiredString("base64");
            // Cheap bound before decoding: 4 base64 characters carry 3 bytes.
            if ((long) base64.length() / 4 * 3 > MAX_ATTACHMENT_BYTES + 3L) {
                throw tooLarge(item);
            }
            byte[] content;
            try {
                content = BASE64.decode(base64);
            } catch (IllegalArgumentException e) {
                throw InvalidRequest.badRequest("'" + item.pathOf("base64") + "' is not valid base64: "
                        + e.getMessage());
            }
            if (content.length > MAX_ATTACHMENT_BYTES) {
                throw tooLarge(item);
            }
            attachments.add(new Attachment(fileName, contentType, content, false, null));
        }
        return attachments;
    }

    private static InvalidRequest tooLarge(JsonFields item) {
        return InvalidRequest.badRequest("'" + item.pathOf("base64") + "' decodes to more than "
                + MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MiB");
    }

    private static Instant sentAt(JsonFields json, Instant now) throws InvalidRequest {
        String value = json.string("sentAt").orElse(null);
        if (value == null || value.isBlank()) {
            return now;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequest.badRequest("'" + json.pathOf("sentAt")
                    + "' must be an ISO-8601 date-time with offset, such as 2026-11-23T14:05:00Z");
        }
    }

    private static Map<String, String> metadata(JsonFields json) throws InvalidRequest {
        JsonFields metadata = json.object("metadata").orElse(null);
        if (metadata == null) {
            return Map.of();
        }
        JsonObject raw = metadata.raw();
        if (raw.size() > MAX_METADATA_ENTRIES) {
            throw InvalidRequest.badRequest("'" + metadata.path() + "' has more than " + MAX_METADATA_ENTRIES
                    + " entries");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonObject.Member member : raw) {
            if (!member.getValue().isString()) {
                throw InvalidRequest.badRequest("'" + metadata.pathOf(member.getName()) + "' must be a string");
            }
            String value = member.getValue().asString();
            if (member.getName().length() > 100 || value.length() > MAX_METADATA_VALUE) {
                throw InvalidRequest.badRequest("'" + metadata.pathOf(member.getName()) + "' is too long (keys 100, "
                        + "values " + MAX_METADATA_VALUE + " characters)");
            }
            values.put(member.getName(), value);
        }
        return values;
    }
}
