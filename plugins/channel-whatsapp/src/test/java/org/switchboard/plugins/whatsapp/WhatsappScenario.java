package org.switchboard.plugins.whatsapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugin.testkit.WebhookFixture;
import org.switchboard.plugin.testkit.WebhookRequests;

/**
 * Plays Meta's WhatsApp Business Cloud API, written from Meta's public documentation (webhook payload references
 * for text, image, location, interactive, button, reaction, contacts, unsupported and status messages; the
 * Graph error format; the messages endpoint's answer). Self-contained: the JDK, the test kit and the plugin API
 * only, because the portal's round-trip tests load it without the plugin's classes.
 *
 * <p>Webhook deliveries are signed as Meta signs them: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
 * the raw body keyed with the app secret>}. Example ids and values are the ones Meta's references use.
 */
public class WhatsappScenario implements ChannelScenario {

    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String DISPLAY_PHONE_NUMBER = "15550783881";
    public static final String BUSINESS_ACCOUNT_ID = "102290129340398";
    public static final String ACCESS_TOKEN = "EAAJBscenarioAccessToken0123456789";
    public static final String APP_SECRET = "8d3f1c0e9b7a6f5e4d3c2b1a09f8e7d6";
    public static final String VERIFY_TOKEN = "scenario-verify-token-4711";
    public static final String API_VERSION = "v21.0";
    public static final String SENDER = "16505551234";
    public static final String SENDER_NAME = "Sheena Nelson";
    public static final String ACCEPTED_ID = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
    public static final String PERMANENT_REASON = "Recipient phone number not in allowed list";

    public WhatsappScenario() {
    }

    @Override
    public String connectorId() {
        return "whatsapp";
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        return Map.of(
                "phoneNumberId", PHONE_NUMBER_ID,
                "businessAccountId", BUSINESS_ACCOUNT_ID,
                "accessToken", ACCESS_TOKEN,
                "appSecret", APP_SECRET,
                "verifyToken", VERIFY_TOKEN,
                "apiBaseUrl", providerBaseUrl.toString(),
                "apiVersion", API_VERSION);
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("accessToken", "appSecret", "verifyToken");
    }

    @Override
    public String sampleSender() {
        return SENDER;
    }

    @Override
    public Identity expectedSender(String sender) {
        return Identity.phone("+" + sender);
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return signed(notification(change(PHONE_NUMBER_ID, contact(sender, SENDER_NAME),
                message(providerMessageId, sender, "1739321024", "text", "\"text\":{\"body\":" + quote(text) + "}"),
                null)));
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        String value = switch (status) {
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case READ -> "read";
            case FAILED -> "failed";
            case QUEUED -> null; // WhatsApp has no such status
        };
        if (value == null) {
            return Optional.empty();
        }
        String errors = status == DeliveryStatus.FAILED ? REENGAGEMENT_ERROR : null;
        return Optional.of(signed(notification(change(PHONE_NUMBER_ID, null, null,
                status(providerMessageId, value, "1750263773", SENDER, errors)))));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Hub-Signature-256", null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Hub-Signature-256",
                signature(signed.body(), "not-the-app-secret"));
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        // signed correctly, but cut off in the middle: Meta's format cannot be read from it
        return signed("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + BUSINESS_ACCOUNT_ID
                + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",");
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        Instant at = Instant.ofEpochSecond(1739321024);
        Identity sheena = Identity.phone("+" + SENDER);
        return List.of(
                fixture("image with caption whose file cannot be fetched (no media answer scripted): kept with a note",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", SENDER,
                                "1739321024", "image", "\"image\":{\"caption\":\"This is a caption\","
                                        + "\"mime_type\":\"image/jpeg\",\"sha256\":"
                                        + "\"81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3\","
                                        + "\"id\":\"2754859441498128\"}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", sheena, at,
                                "This is a caption\n[image could not be downloaded]")),
                fixture("location",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJCMDA5QkE4OEI4NEMwMEIwAA==", SENDER,
                                "1739321024", "location", "\"location\":{\"address\":\"101 Forest Ave, Palo Alto, "
                                        + "CA 94301\",\"latitude\":37.44221496582,\"longitude\":-122.16138458252,"
                                        + "\"name\":\"Philz Coffee\",\"url\":\"https://philzcoffee.com/\"}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJCMDA5QkE4OEI4NEMwMEIwAA==", sheena, at,
                                "Philz Coffee\n101 Forest Ave, Palo Alto, CA 94301\n37.44221496582,-122.16138458252")),
                fixture("interactive reply button",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=", SENDER,
                                "1739321024", "interactive", CONTEXT + "\"interactive\":{\"type\":\"button_reply\","
                                        + "\"button_reply\":{\"id\":\"cancel-button\",\"title\":\"Cancel\"}}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=", sheena, at,
                                "Cancel")),
                fixture("interactive list reply",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNQA=", SENDER,
                                "1739321024", "interactive", CONTEXT + "\"interactive\":{\"type\":\"list_reply\","
                                        + "\"list_reply\":{\"id\":\"priority-express\",\"title\":\"Priority Mail "
                                        + "Express\",\"description\":\"Next Day to 2 Days\"}}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNQA=", sheena, at,
                                "Priority Mail Express")),
                fixture("quick-reply button of a template",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNgA=", SENDER,
                                "1739321024", "button", CONTEXT
                                        + "\"button\":{\"payload\":\"Unsubscribe\",\"text\":\"Unsubscribe\"}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNgA=", sheena, at,
                                "Unsubscribe")),
                fixture("reaction to one of our messages",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNwA=", SENDER,
                                "1739321024", "reaction", "\"reaction\":{\"message_id\":\"" + ACCEPTED_ID
                                        + "\",\"emoji\":\"\\uD83D\\uDE00\"}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNwA=", sheena, at,
                                "\uD83D\uDE00")),
                fixture("shared contact",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDOAA=", SENDER,
                                "1739321024", "contacts", "\"contacts\":[{\"name\":{\"first_name\":\"Barbara\","
                                        + "\"last_name\":\"Johnson\",\"formatted_name\":\"Barbara J. Johnson\"},"
                                        + "\"phones\":[{\"phone\":\"+1 (940) 555-1234\",\"type\":\"HOME\","
                                        + "\"wa_id\":\"19405551234\"}]}]"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDOAA=", sheena, at,
                                "Shared contact: Barbara J. Johnson, +1 (940) 555-1234")),
                fixture("unsupported message type (a poll update): a note, not a crash",
                        message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDOQA=", SENDER,
                                "1739321024", "unsupported", "\"errors\":[{\"code\":131051,\"title\":\"Message "
                                        + "type unknown\",\"message\":\"Message type unknown\",\"error_data\":"
                                        + "{\"details\":\"Message type is currently not supported.\"}}],"
                                        + "\"unsupported\":{\"type\":\"poll_update\"}"),
                        text("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDOQA=", sheena, at,
                                "[unsupported WhatsApp message type: poll_update]")),
                new WebhookFixture("failed status with error details (re-engagement, code 131047)",
                        signed(notification(change(PHONE_NUMBER_ID, null, null, status(ACCEPTED_ID, "failed",
                                "1750263773", SENDER, REENGAGEMENT_ERROR)))),
                        List.of(new StatusUpdate(ACCEPTED_ID, DeliveryStatus.FAILED, "Re-engagement message: "
                                + "Message failed to send because more than 24 hours have passed since the "
                                + "customer last replied to this number. (code 131047)",
                                Instant.ofEpochSecond(1750263773)))),
                new WebhookFixture("statuses out of order (read before delivered) are all reported, in order",
                        signed(notification(change(PHONE_NUMBER_ID, null, null,
                                status(ACCEPTED_ID, "read", "1750263775", SENDER, null) + ","
                                        + status(ACCEPTED_ID, "delivered", "1750263774", SENDER, null)))),
                        List.of(new StatusUpdate(ACCEPTED_ID, DeliveryStatus.READ, null,
                                        Instant.ofEpochSecond(1750263775)),
                                new StatusUpdate(ACCEPTED_ID, DeliveryStatus.DELIVERED, null,
                                        Instant.ofEpochSecond(1750263774)))),
                new WebhookFixture("several entries, changes, messages and statuses in one delivery",
                        signed(notification(
                                change(PHONE_NUMBER_ID, contact(SENDER, SENDER_NAME) + "," + contact("447700900123",
                                                "Oliver Smith"),
                                        message("wamid.batch.1", SENDER, "1739321024", "text",
                                                "\"text\":{\"body\":\"First\"}") + ","
                                                + message("wamid.batch.2", "447700900123", "1739321025", "text",
                                                        "\"text\":{\"body\":\"Second\"}"),
                                        status(ACCEPTED_ID, "sent", "1750263773", SENDER, null)),
                                change(PHONE_NUMBER_ID, null, null,
                                        status("wamid.batch.out", "delivered", "1750263779", "447700900123",
                                                null)))),
                        List.of(new InboundMessage("wamid.batch.1", sheena, SENDER_NAME, List.of(), "First", null,
                                        List.of(), at, null, Map.of()),
                                new InboundMessage("wamid.batch.2", Identity.phone("+447700900123"), "Oliver Smith",
                                        List.of(), "Second", null, List.of(), Instant.ofEpochSecond(1739321025),
                                        null, Map.of()),
                                new StatusUpdate(ACCEPTED_ID, DeliveryStatus.SENT, null,
                                        Instant.ofEpochSecond(1750263773)),
                                new StatusUpdate("wamid.batch.out", DeliveryStatus.DELIVERED, null,
                                        Instant.ofEpochSecond(1750263779)))),
                new WebhookFixture("a template review (another webhook field) carries no events",
                        signed("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + BUSINESS_ACCOUNT_ID
                                + "\",\"time\":1739321024,\"changes\":[{\"value\":{\"event\":\"APPROVED\","
                                + "\"message_template_id\":1689556908129832,\"message_template_name\":"
                                + "\"order_confirmation\",\"message_template_language\":\"en_US\",\"reason\":"
                                + "\"NONE\"},\"field\":\"message_template_status_update\"}]}]}"),
                        List.of()),
                new WebhookFixture("a message to another phone number of the same business account is not ours",
                        signed(notification(change("999999999999999", contact(SENDER, SENDER_NAME),
                                message("wamid.other.number", SENDER, "1739321024", "text",
                                        "\"text\":{\"body\":\"Hello other number\"}"), null))),
                        List.of()));
    }

    @Override
    public Identity recipient() {
        return Identity.phone("+" + SENDER);
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        String path = "/" + API_VERSION + "/" + PHONE_NUMBER_ID + "/messages";
        switch (outcome) {
            case ACCEPTED -> provider.once("POST", path, ProviderStub.Answer.json(200, sendAccepted(ACCEPTED_ID)));
            case RETRYABLE -> provider.once("POST", path, ProviderStub.Answer.json(429, graphError(
                    "(#130429) Rate limit hit", 130429, "Message failed to send because there were too many "
                            + "messages sent from this phone number in a short period of time"))
                    .withHeader("Retry-After", "30"));
            case PERMANENT -> provider.once("POST", path, ProviderStub.Answer.json(400, graphError(
                    "(#131030) " + PERMANENT_REASON, 131030, "Recipient phone number not in allowed list: "
                            + "Add recipient phone number to recipient list and try again.")));
        }
    }

    @Override
    public String acceptedMessageId() {
        return ACCEPTED_ID;
    }

    @Override
    public String permanentReason() {
        return PERMANENT_REASON;
    }

    // ---- Meta's formats, for this scenario and for the plugin's other tests -----------------------------------

    /** The answer of {@code POST /{phone-number-id}/messages} that accepted a message. */
    public static String sendAccepted(String messageId) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + SENDER + "\",\"wa_id\":\""
                + SENDER + "\"}],\"messages\":[{\"id\":" + quote(messageId) + "}]}";
    }

    /** A Graph API error body. */
    public static String graphError(String message, int code, String details) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":" + quote(details)
                + "},\"fbtrace_id\":\"AazW5qpa0ebTVHhMqZWuqB3\"}}";
    }

    /** A notification with one entry of the business account holding the given changes. */
    public static String notification(String... changes) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + BUSINESS_ACCOUNT_ID
                + "\",\"changes\":[" + String.join(",", changes) + "]}]}";
    }

    /** One change of field {@code messages}; each of contacts, messages, statuses is a JSON list body or null. */
    public static String change(String phoneNumberId, String contacts, String messages, String statuses) {
        StringBuilder value = new StringBuilder("{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"" + DISPLAY_PHONE_NUMBER + "\",\"phone_number_id\":\"" + phoneNumberId
                + "\"}");
        if (contacts != null) {
            value.append(",\"contacts\":[").append(contacts).append(']');
        }
        if (messages != null) {
            value.append(",\"messages\":[").append(messages).append(']');
        }
        if (statuses != null) {
            value.append(",\"statuses\":[").append(statuses).append(']');
        }
        return "{\"value\":" + value + "},\"field\":\"messages\"}";
    }

    public static String contact(String waId, String name) {
        return "{\"profile\":{\"name\":" + quote(name) + "},\"wa_id\":" + quote(waId) + "}";
    }

    /** One element of {@code messages}; {@code typeBody} is the type-specific member(s), e.g. {@code "text":{…}}. */
    public static String message(String id, String from, String timestamp, String type, String typeBody) {
        return "{\"from\":" + quote(from) + ",\"id\":" + quote(id) + ",\"timestamp\":" + quote(timestamp)
                + ",\"type\":" + quote(type) + "," + typeBody + "}";
    }

    /** One element of {@code statuses}; {@code errors} is a JSON array or null. */
    public static String status(String id, String status, String timestamp, String recipient, String errors) {
        return "{\"id\":" + quote(id) + ",\"status\":" + quote(status) + ",\"timestamp\":" + quote(timestamp)
                + ",\"recipient_id\":" + quote(recipient)
                + (status.equals("failed") ? "" : ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\","
                        + "\"category\":\"service\"}")
                + (errors == null ? "" : ",\"errors\":" + errors) + "}";
    }

    /** Meta's documented failure when the 24-hour window has closed. */
    public static final String REENGAGEMENT_ERROR = "[{\"code\":131047,\"title\":\"Re-engagement message\","
            + "\"message\":\"Re-engagement message\",\"error_data\":{\"details\":\"Message failed to send because "
            + "more than 24 hours have passed since the customer last replied to this number.\"},\"href\":"
            + "\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/\"}]";

    private static final String CONTEXT = "\"context\":{\"from\":\"" + DISPLAY_PHONE_NUMBER + "\",\"id\":\""
            + "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=\"},";

    /** A POST of {@code json}, signed with the app secret as Meta signs it. */
    public static WebhookRequest signed(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return WebhookRequests.post("", Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", signature(body, APP_SECRET)), body);
    }

    /** Meta's signature header value for {@code body}. */
    public static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Meta's subscription check. */
    public static WebhookRequest verification(String verifyToken, String challenge) {
        return WebhookRequests.get("", "hub.mode=subscribe&hub.verify_token=" + verifyToken + "&hub.challenge="
                + challenge, Map.of());
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static WebhookFixture fixture(String name, String message, InboundEvent expected) {
        return new WebhookFixture(name, signed(notification(change(PHONE_NUMBER_ID, contact(SENDER, SENDER_NAME),
                message, null))), List.of(expected));
    }

    private static InboundMessage text(String id, Identity sender, Instant at, String text) {
        return new InboundMessage(id, sender, SENDER_NAME, List.of(), text, null, List.of(), at, null, Map.of());
    }
}
