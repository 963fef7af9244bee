package org.switchboard.plugins.metamessenger;

import static org.switchboard.plugins.metamessenger.JsonPayload.isTrue;
import static org.switchboard.plugins.metamessenger.JsonPayload.number;
import static org.switchboard.plugins.metamessenger.JsonPayload.object;
import static org.switchboard.plugins.metamessenger.JsonPayload.objects;
import static org.switchboard.plugins.metamessenger.JsonPayload.requiredString;
import static org.switchboard.plugins.metamessenger.JsonPayload.string;
import static org.switchboard.plugins.metamessenger.JsonPayload.strings;

import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Turns a webhook payload ({@code {object, entry:[{id, time, messaging:[...]}]}}) into canonical events, in payload
 * order:
 *
 * <ul>
 *   <li>{@code message}: an {@link InboundMessage} with the {@code mid} as external id; files are downloaded,
 *       quick-reply payloads and reply-to ids go to metadata. Echoes ({@code is_echo}: the page's own messages)
 *       emit nothing but teach the {@link PageMessageLog} their Meta timestamps; deleted messages emit nothing.</li>
 *   <li>{@code postback}: a message whose text is the button's title.</li>
 *   <li>{@code reaction}: a message whose text is the emoji.</li>
 *   <li>{@code delivery}: DELIVERED for every listed {@code mid}, or for the echoed messages up to the
 *       watermark when Meta lists none.</li>
 *   <li>{@code read}: READ for the named {@code mid} (Instagram), or for the echoed messages up to the watermark
 *       (Messenger).</li>
 * </ul>
 *
 * The whole payload is checked before anything is downloaded or looked up, so a malformed payload costs nothing
 * and changes nothing. Entries of another Page or account (one Meta app can serve several) are skipped and
 * reported.
 */
final class MessagingEvents {

    /** The events of a payload and the foreign account ids it had entries for. */
    record Parsed(List<InboundEvent> events, Set<String> foreignAccounts) {
    }

    /** An event whose fields are checked, completed (downloads, names) only once the whole payload is valid. */
    private interface Pending {
        List<InboundEvent> complete();
    }

    private final MetaSettings settings;
    private final Clock clock;
    private final SenderNames names;
    private final InboundMedia media;
    private final PageMessageLog pageMessages;

    MessagingEvents(MetaSettings settings, Clock clock, SenderNames names, InboundMedia media,
            PageMessageLog pageMessages) {
        this.settings = settings;
        this.clock = clock;
        this.names = names;
        this.media = media;
        this.pageMessages = pageMessages;
    }

    Parsed parse(JsonObject payload) throws WebhookRefused {
        String object = requiredString(payload, "object", "body");
        MetaNetwork network = settings.network();
        if (!object.equals(network.webhookObject())) {
            throw WebhookRefused.badRequest("this " + network.displayName() + " account takes webhooks of object '"
                    + network.webhookObject() + "', not '" + abbreviate(object, 40) + "'");
        }
        if (payload.get("entry") == null) {
            throw WebhookRefused.badRequest("body.entry is missing");
        }
        List<Pending> pending = new ArrayList<>();
        Set<String> foreign = new LinkedHashSet<>();
        List<JsonObject> entries = objects(payload, "entry", "body");
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i);
            String path = "entry[" + i + "]";
            Optional<String> accountId = string(entry, "id", path);
            if (accountId.isPresent() && !accountId.get().equals(settings.accountId())) {
                foreign.add(abbreviate(accountId.get(), 40));
                continue;
            }
            List<JsonObject> messaging = objects(entry, "messaging", path);
            for (int j = 0; j < messaging.size(); j++) {
                event(messaging.get(j), path + ".messaging[" + j + "]").ifPresent(pending::add);
            }
        }
        List<InboundEvent> events = new ArrayList<>();
        for (Pending event : pending) {
            events.addAll(event.complete());
        }
        return new Parsed(events, foreign);
    }

    private Optional<Pending> event(JsonObject event, String path) throws WebhookRefused {
        Optional<String> sender = object(event, "sender", path).isPresent()
                ? string(object(event, "sender", path).get(), "id", path + ".sender") : Optional.empty();
        Optional<String> recipient = object(event, "recipient", path).isPresent()
                ? string(object(event, "recipient", path).get(), "id", path + ".recipient") : Optional.empty();
        OptionalLong timestamp = number(event, "timestamp", path);
        Optional<JsonObject> message = object(event, "message", path);
        if (message.isPresent()) {
            return message(message.get(), path + ".message", sender, recipient, timestamp);
        }
        if (sender.isEmpty()) {
            // Guests of the website chat plugin arrive with a user_ref, not a PSID: nobody to answer through here.
            return Optional.empty();
        }
        Optional<JsonObject> postback = object(event, "postback", path);
        if (postback.isPresent()) {
            return Optional.of(postback(postback.get(), path + ".postback", sender.get(), timestamp));
        }
        Optional<JsonObject> reaction = object(event, "reaction", path);
        if (reaction.isPresent()) {
            return Optional.of(reaction(reaction.get(), path + ".reaction", sender.get(), timestamp));
        }
        Optional<JsonObject> delivery = object(event, "delivery", path);
        if (delivery.isPresent()) {
            return Optional.of(receipt(delivery.get(), path + ".delivery", sender.get(), timestamp,
                    DeliveryStatus.DELIVERED));
        }
        Optional<JsonObject> read = object(event, "read", path);
        if (read.isPresent()) {
            return Optional.of(receipt(read.get(), path + ".read", sender.get(), timestamp, DeliveryStatus.READ));
        }
        return Optional.empty(); // referrals, opt-ins, handovers: nothing for an agent
    }

    private Optional<Pending> message(JsonObject message, String path, Optional<String> sender,
            Optional<String> recipient, OptionalLong timestamp) throws WebhookRefused {
        String mid = requiredString(message, "mid", path);
        if (isTrue(message, "is_echo")) {
            // Our own page's message (sent by us or in Meta's inbox): not the customer's. Its Meta timestamp lets
            // later watermark-only receipts name it.
            if (recipient.isPresent() && timestamp.isPresent()) {
                long at = toMillis(timestamp.getAsLong());
                String customer = recipient.get();
                return Optional.of(() -> {
                    pageMessages.record(customer, mid, at);
                    return List.of();
                });
            }
            return Optional.empty();
        }
        if (sender.isEmpty()) {
            throw WebhookRefused.badRequest(path.replace(".message", "") + ".sender.id is missing");
        }
        if (sender.get().equals(settings.accountId()) || isTrue(message, "is_deleted")) {
            return Optional.empty();
        }
        String customer = sender.get();
        List<String> lines = new ArrayList<>();
        string(message, "text", path).ifPresent(lines::add);
        Map<String, String> metadata = new LinkedHashMap<>();
        Optional<JsonObject> quickReply = object(message, "quick_reply", path);
        if (quickReply.isPresent()) {
            string(quickReply.get(), "payload", path + ".quick_reply")
                    .ifPresent(payload -> metadata.put("quickReplyPayload", abbreviate(payload, 1000)));
        }
        Optional<JsonObject> replyTo = object(message, "reply_to", path);
        if (replyTo.isPresent()) {
            string(replyTo.get(), "mid", path + ".reply_to").ifPresent(id -> metadata.put("replyToMid", id));
        }
        List<JsonObject> attachments = objects(message, "attachments", path);
        List<String[]> downloads = new ArrayList<>(); // {url, type, position}
        for (int k = 0; k < attachments.size(); k++) {
            JsonObject attachment = attachments.get(k);
            String where = path + ".attachments[" + k + "]";
            String type = string(attachment, "type", where).orElse("file");
            Optional<JsonObject> payload = object(attachment, "payload", where);
            Optional<String> url = payload.isPresent() ? string(payload.get(), "url", where + ".payload")
                    : Optional.empty();
            switch (type) {
                case "fallback" -> {
                    // A shared link, not a file: keep it as text.
                    Optional<String> title = payload.isPresent() ? string(payload.get(), "title", where + ".payload")
                            : Optional.empty();
                    String shared = (title.map(t -> t + " ").orElse("") + url.orElse("")).strip();
                    lines.add(shared.isEmpty() ? "[shared content Meta does not show]" : shared);
                }
                case "location" -> lines.add(location(payload, where));
                case "template" -> lines.add("[a template message, e.g. products, that the portal does not show]");
                default -> {
                    if (url.isPresent()) {
                        downloads.add(new String[] {url.get(), type, String.valueOf(k)});
                    } else {
                        lines.add("[" + type + " attachment without a file]");
                    }
                }
            }
        }
        if (isTrue(message, "is_unsupported")) {
            lines.add("[a message type Meta does not pass on]");
        }
        Instant sentAt = instant(timestamp);
        Identity identity = new Identity(settings.network().identityKind(), customer);
        return Optional.of(() -> {
            List<Attachment> files = new ArrayList<>();
            Map<String, String> facts = new LinkedHashMap<>(metadata);
            for (String[] download : downloads) {
                switch (media.fetch(download[0], download[1], Integer.parseInt(download[2]))) {
                    case InboundMedia.Downloaded downloaded -> files.add(downloaded.attachment());
                    case InboundMedia.Failed failed -> {
                        lines.add("[" + download[1] + " attachment could not be downloaded]");
                        int n = Integer.parseInt(download[2]) + 1;
                        facts.put("attachment" + n + "Error", failed.reason());
                        facts.put("attachment" + n + "Url", abbreviate(download[0], 2000));
                    }
                }
            }
            return List.of(new InboundMessage(bounded(mid), identity, names.nameOf(customer), List.of(),
                    String.join("\n", lines), null, files, sentAt, ThreadingHints.NONE, facts));
        });
    }

    private Pending postback(JsonObject postback, String path, String sender, OptionalLong timestamp)
            throws WebhookRefused {
        Optional<String> title = string(postback, "title", path);
        Optional<String> payload = string(postback, "payload", path);
        Map<String, String> metadata = new LinkedHashMap<>();
        payload.ifPresent(p -> metadata.put("postbackPayload", abbreviate(p, 1000)));
        Optional<JsonObject> referral = object(postback, "referral", path);
        if (referral.isPresent()) {
            string(referral.get(), "ref", path + ".referral").ifPresent(ref -> metadata.put("referralRef",
                    abbreviate(ref, 1000)));
        }
        // Before v11 postbacks had no mid; sender and time then identify the click.
        String externalId = string(postback, "mid", path).orElseGet(() -> bounded("postback:" + sender + ":"
                + (timestamp.isPresent() ? timestamp.getAsLong() : title.orElse("") + payload.orElse(""))));
        String text = title.or(() -> payload).orElse("[a button without a title]");
        return complete(externalId, sender, text, timestamp, metadata);
    }

    private Pending reaction(JsonObject reaction, String path, String sender, OptionalLong timestamp)
            throws WebhookRefused {
        String reactedTo = requiredString(reaction, "mid", path);
        String action = string(reaction, "action", path).orElse("react");
        Optional<String> emoji = string(reaction, "emoji", path);
        Optional<String> name = string(reaction, "reaction", path);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("reactionAction", action);
        metadata.put("reactedToMid", reactedTo);
        name.ifPresent(n -> metadata.put("reaction", n));
        emoji.ifPresent(e -> metadata.put("emoji", e));
        String shown = emoji.or(() -> name).orElse("");
        String text = action.equals("unreact")
                ? ("Removed reaction " + shown).strip()
                : (shown.isEmpty() ? "[a reaction]" : shown);
        // A reaction has no id of its own: the reacted message, the customer, the action and the time identify it.
        String externalId = bounded("reaction:" + reactedTo + ":" + sender + ":" + action + ":"
                + (timestamp.isPresent() ? timestamp.getAsLong() : shown));
        return complete(externalId, sender, text, timestamp, metadata);
    }

    private Pending complete(String externalId, String sender, String text, OptionalLong timestamp,
            Map<String, String> metadata) {
        Identity identity = new Identity(settings.network().identityKind(), sender);
        Instant sentAt = instant(timestamp);
        return () -> List.of(new InboundMessage(externalId, identity, names.nameOf(sender), List.of(), text, null,
                List.of(), sentAt, ThreadingHints.NONE, metadata));
    }

    private Pending receipt(JsonObject receipt, String path, String customer, OptionalLong timestamp,
            DeliveryStatus status) throws WebhookRefused {
        List<String> mids = new ArrayList<>(strings(receipt, "mids", path));
        string(receipt, "mid", path).ifPresent(mids::add);
        OptionalLong watermark = number(receipt, "watermark", path);
        Instant at = watermark.isPresent() ? instant(watermark) : instant(timestamp);
        return () -> {
            List<String> ids = mids;
            if (ids.isEmpty() && watermark.isPresent()) {
                ids = pageMessages.sentUpTo(customer, toMillis(watermark.getAsLong()));
            }
            List<InboundEvent> updates = new ArrayList<>();
            for (String id : ids) {
                updates.add(new StatusUpdate(id, status, null, at));
            }
            return updates;
        };
    }

    private static String location(Optional<JsonObject> payload, String where) throws WebhookRefused {
        if (payload.isPresent()) {
            Optional<JsonObject> coordinates = object(payload.get(), "coordinates", where + ".payload");
            if (coordinates.isPresent() && coordinates.get().get("lat") != null
                    && coordinates.get().get("long") != null) {
                return "[location: " + coordinates.get().get("lat") + ", " + coordinates.get().get("long") + "]";
            }
        }
        return "[a location]";
    }

    private Instant instant(OptionalLong timestamp) {
        return timestamp.isPresent() ? Instant.ofEpochMilli(toMillis(timestamp.getAsLong())) : clock.instant();
    }

    /** Meta's timestamps are milliseconds, except in some samples (seconds); no real millisecond value is that small. */
    static long toMillis(long timestamp) {
        return timestamp < 100_000_000_000L ? timestamp * 1000 : timestamp;
    }

    /** Keeps a composed id within the host's 255 characters, stable for the same input. */
    static String bounded(String id) {
        if (id.length() <= 255) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return id.substring(0, id.indexOf(':') + 1) + "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static String abbreviate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
