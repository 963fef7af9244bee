package org.switchboard.plugins.whatsapp;

import static org.switchboard.plugins.whatsapp.JsonFields.object;
import static org.switchboard.plugins.whatsapp.JsonFields.objects;
import static org.switchboard.plugins.whatsapp.JsonFields.requiredString;
import static org.switchboard.plugins.whatsapp.JsonFields.string;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.StatusUpdate;

/**
 * Reads a webhook notification of the {@code whatsapp_business_account} object: every entry, every change of
 * field {@code messages}, every message and every status, in the order Meta sent them.
 *
 * <p>Changes of other fields (template reviews, account updates) and changes for another phone number of the same
 * business account carry nothing for this account and are skipped, not refused: refusing would make Meta retry
 * them for days.
 */
final class NotificationParser {

    private final String phoneNumberId;
    private final InboundMessageReader messages;
    private final Clock clock;
    private final System.Logger log;

    NotificationParser(String phoneNumberId, InboundMessageReader messages, Clock clock, System.Logger log) {
        this.phoneNumberId = phoneNumberId;
        this.messages = messages;
        this.clock = clock;
        this.log = log;
    }

    List<InboundEvent> parse(byte[] body) throws MalformedPayload {
        JsonObject root = parseObject(body);
        String object = string(root, "object", "$").orElse("");
        if (!object.equals("whatsapp_business_account")) {
            throw new MalformedPayload("not a WhatsApp notification: 'object' must be whatsapp_business_account, "
                    + "not '" + abbreviate(object) + "'");
        }
        if (root.get("entry") == null) {
            throw new MalformedPayload("'$.entry' is missing");
        }
        Instant now = clock.instant();
        List<InboundEvent> events = new ArrayList<>();
        List<JsonObject> entries = objects(root, "entry", "$");
        for (int e = 0; e < entries.size(); e++) {
            List<JsonObject> changes = objects(entries.get(e), "changes", "$.entry[" + e + "]");
            for (int c = 0; c < changes.size(); c++) {
                String path = "$.entry[" + e + "].changes[" + c + "]";
                readChange(changes.get(c), path, now, events);
            }
        }
        return events;
    }

    private void readChange(JsonObject change, String path, Instant now, List<InboundEvent> events)
            throws MalformedPayload {
        String field = string(change, "field", path).orElse("");
        if (!field.equals("messages")) {
            log.log(Level.DEBUG, "WhatsApp change of field {0} skipped", field);
            return;
        }
        String at = path + ".value";
        JsonObject value = object(change, "value", path)
                .orElseThrow(() -> new MalformedPayload("'" + at + "' is missing"));
        Optional<String> recipient = object(value, "metadata", at)
                .flatMap(metadata -> stringOrEmpty(metadata, "phone_number_id"));
        if (recipient.isPresent() && !recipient.get().equals(phoneNumberId)) {
            log.log(Level.INFO, "WhatsApp change for phone number id {0} skipped: this account is {1}",
                    recipient.get(), phoneNumberId);
            return;
        }
        Map<String, String> names = contactNames(value, at);
        List<JsonObject> received = objects(value, "messages", at);
        for (int m = 0; m < received.size(); m++) {
            events.add(messages.read(received.get(m), at + ".messages[" + m + "]", names, now));
        }
        List<JsonObject> statuses = objects(value, "statuses", at);
        for (int s = 0; s < statuses.size(); s++) {
            status(statuses.get(s), at + ".statuses[" + s + "]", now).ifPresent(events::add);
        }
        List<JsonObject> errors = objects(value, "errors", at);
        if (!errors.isEmpty()) {
            log.log(Level.WARNING, "WhatsApp reported an error for phone number id {0}: {1}", phoneNumberId,
                    errors.getFirst());
        }
    }

    private static Map<String, String> contactNames(JsonObject value, String at) throws MalformedPayload {
        Map<String, String> names = new HashMap<>();
        List<JsonObject> contacts = objects(value, "contacts", at);
        for (int i = 0; i < contacts.size(); i++) {
            String path = at + ".contacts[" + i + "]";
            JsonObject contact = contacts.get(i);
            Optional<String> waId = string(contact, "wa_id", path);
            Optional<String> userId = string(contact, "user_id", path);
            Optional<String> name = object(contact, "profile", path)
                    .flatMap(profile -> stringOrEmpty(profile, "name"));
            if (name.isEmpty() || name.get().isBlank()) {
                continue;
            }
            waId.ifPresent(id -> names.put(id.startsWith("+") ? id.substring(1) : id, name.get()));
            userId.ifPresent(id -> names.put(id, name.get()));
        }
        return names;
    }

    /** A status of a message we sent; statuses this connector does not track (e.g. {@code deleted}) are none. */
    private Optional<StatusUpdate> status(JsonObject status, String path, Instant now) throws MalformedPayload {
        String id = requiredString(status, "id", path);
        String value = requiredString(status, "status", path);
        DeliveryStatus mapped = switch (value) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read", "played" -> DeliveryStatus.READ; // "played": a voice message was listened to
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        if (mapped == null) {
            log.log(Level.DEBUG, "WhatsApp status {0} of {1} skipped", value, id);
            return Optional.empty();
        }
        String reason = null;
        if (mapped == DeliveryStatus.FAILED) {
            List<JsonObject> errors = objects(status, "errors", path);
            reason = errors.isEmpty() ? "WhatsApp could not deliver the message" : failure(errors.getFirst());
        }
        Instant at = string(status, "timestamp", path)
                .filter(t -> t.strip().matches("\\d{1,12}"))
                .map(t -> Instant.ofEpochSecond(Long.parseLong(t.strip())))
                .orElse(now);
        return Optional.of(new StatusUpdate(id, mapped, reason, at));
    }

    /** {@code errors[0]} of a failed status: its title (or message), its details, its code. */
    static String failure(JsonObject error) {
        String title = stringOrEmpty(error, "title").or(() -> stringOrEmpty(error, "message"))
                .orElse("WhatsApp could not deliver the message");
        String details = Optional.ofNullable(error.get("error_data")).filter(JsonValue::isObject)
                .flatMap(data -> stringOrEmpty(data.asObject(), "details")).orElse("");
        StringBuilder reason = new StringBuilder(title);
        if (!details.isBlank() && !details.equals(title)) {
            reason.append(": ").append(details);
        }
        JsonValue code = error.get("code");
        if (code != null && code.isNumber()) {
            reason.append(" (code ").append(code).append(')');
        }
        return reason.toString();
    }

    private static JsonObject parseObject(byte[] body) throws MalformedPayload {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new MalformedPayload("the body is empty; expected a JSON notification");
        }
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (ParseException e) {
            throw new MalformedPayload("malformed JSON: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new MalformedPayload("malformed JSON: nested too deeply");
        }
        if (!value.isObject()) {
            throw new MalformedPayload("the body must be a JSON object");
        }
        return value.asObject();
    }

    private static Optional<String> stringOrEmpty(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
