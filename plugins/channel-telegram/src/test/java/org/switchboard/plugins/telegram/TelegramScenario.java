package org.switchboard.plugins.telegram;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugin.testkit.WebhookFixture;
import org.switchboard.plugin.testkit.WebhookRequests;

/**
 * Plays the Telegram Bot API, written from its public documentation (core.telegram.org/bots/api: Update, Message,
 * setWebhook's {@code secret_token}, sendMessage and its error object) and the sample updates of Telegram's
 * webhook guide (core.telegram.org/bots/webhooks, "Testing your bot with updates"). Self-contained: the portal's
 * round-trip tests load it without the plugin's classes.
 *
 * <p>Config it needs: {@code botToken} (BotFather's format), {@code webhookSecret} (what Telegram puts in
 * {@code X-Telegram-Bot-Api-Secret-Token}) and {@code apiBaseUrl} pointing at the stub.
 */
public class TelegramScenario implements ChannelScenario {

    /** The token format shown in the Bot API documentation. */
    public static final String BOT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    public static final String WEBHOOK_SECRET = "kit_webhook-secret_0123456789abcdef";
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    public static final IdentityKind TELEGRAM = new IdentityKind("telegram");
    /** The private chat (and user) id of the webhook guide's samples. */
    public static final String SAMPLE_CHAT = "1111111";
    public static final long ACCEPTED_MESSAGE_ID = 4711;

    public TelegramScenario() {
    }

    @Override
    public String connectorId() {
        return "telegram";
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        return Map.of("botToken", BOT_TOKEN, "webhookSecret", WEBHOOK_SECRET, "apiBaseUrl",
                providerBaseUrl.toString());
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("botToken", "webhookSecret");
    }

    @Override
    public String sampleSender() {
        return SAMPLE_CHAT;
    }

    @Override
    public Identity expectedSender(String sender) {
        return new Identity(TELEGRAM, sender);
    }

    /** Telegram message ids are integers; the kit's ids are strings, so each maps to a stable number. */
    public static long messageIdFor(String providerMessageId) {
        if (providerMessageId.matches("\\d{1,15}")) {
            return Long.parseLong(providerMessageId);
        }
        return Math.floorMod(providerMessageId.hashCode(), 2_000_000_000L) + 1;
    }

    @Override
    public String expectedExternalId(String providerMessageId) {
        return SAMPLE_CHAT + ":" + messageIdFor(providerMessageId);
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return signed("{\"update_id\":" + (100_000 + messageIdFor(providerMessageId) % 1000) + ",\"message\":{"
                + "\"message_id\":" + messageIdFor(providerMessageId) + ","
                + "\"from\":{\"id\":" + sender + ",\"is_bot\":false,\"first_name\":\"Test Firstname\","
                + "\"last_name\":\"Test Lastname\",\"username\":\"Testusername\",\"language_code\":\"en\"},"
                + "\"chat\":{\"id\":" + sender + ",\"first_name\":\"Test Firstname\",\"last_name\":\"Test Lastname\","
                + "\"username\":\"Testusername\",\"type\":\"private\"},"
                + "\"date\":1441645532,\"text\":" + jsonString(text) + "}}");
    }

    /** The Bot API reports no delivery or read status to bots. */
    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        return Optional.empty();
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, SECRET_HEADER, null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, SECRET_HEADER, "kit_some-other-accounts-secret_0000");
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        return signed("{\"update_id\":10000,\"message\":{\"message_id\":1365,");
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        Identity customer = new Identity(TELEGRAM, SAMPLE_CHAT);
        Instant date = Instant.ofEpochSecond(1441645532);
        return List.of(
                new WebhookFixture("webhook guide: message with text", signed(GUIDE_TEXT),
                        List.of(InboundMessage.text("1111111:1365", customer, "Test Firstname Test Lastname",
                                "/start", date))),
                new WebhookFixture("webhook guide: message with a reply", signed(GUIDE_REPLY),
                        List.of(InboundMessage.text("1111111:1365", customer, "Test Firstname Test Lastname",
                                "/start", date))),
                new WebhookFixture("webhook guide: message with entities", signed(GUIDE_ENTITIES),
                        List.of(InboundMessage.text("1111111:1365", customer, "Test Firstname Test Lastname",
                                "Bold and italics", date))),
                new WebhookFixture("webhook guide: edited message", signed(GUIDE_EDITED),
                        List.of(InboundMessage.text("1111111:1365:edit:1441646600", customer,
                                "Test Firstname Test Lastname", "Edited text", Instant.ofEpochSecond(1441646600)))),
                new WebhookFixture("webhook guide: callback query (not a message)", signed(GUIDE_CALLBACK),
                        List.of()),
                new WebhookFixture("webhook guide: inline query (not a message)", signed(GUIDE_INLINE), List.of()),
                new WebhookFixture("Bot API: a location", signed(LOCATION),
                        List.of(InboundMessage.text("1111111:1366", customer, "Test Firstname Test Lastname",
                                "52.520008,13.404954", date))),
                new WebhookFixture("Bot API: the customer shares their own contact", signed(OWN_CONTACT),
                        List.of(new InboundMessage("1111111:1367", customer, "Test Firstname Test Lastname",
                                List.of(Identity.phone("+4915112345678")), "Contact: Test Firstname, +4915112345678",
                                null, List.of(), date, ThreadingHints.NONE, Map.of()))),
                new WebhookFixture("Bot API: a message in a group chat", signed(GROUP_TEXT), List.of()));
    }

    @Override
    public Identity recipient() {
        return new Identity(TELEGRAM, SAMPLE_CHAT);
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        String path = "/bot" + BOT_TOKEN + "/sendMessage";
        switch (outcome) {
            case ACCEPTED -> provider.once("POST", path, ProviderStub.Answer.json(200,
                    "{\"ok\":true,\"result\":{\"message_id\":" + ACCEPTED_MESSAGE_ID + ",\"from\":{\"id\":123456,"
                            + "\"is_bot\":true,\"first_name\":\"Acme Support\",\"username\":\"acme_support_bot\"},"
                            + "\"chat\":{\"id\":" + SAMPLE_CHAT + ",\"first_name\":\"Test Firstname\","
                            + "\"type\":\"private\"},\"date\":1441645600,\"text\":\"Your order ships today.\"}}"));
            case RETRYABLE -> provider.once("POST", path, ProviderStub.Answer.json(429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                            + "\"parameters\":{\"retry_after\":7}}"));
            case PERMANENT -> provider.once("POST", path, ProviderStub.Answer.json(403,
                    "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
        }
    }

    @Override
    public String acceptedMessageId() {
        return SAMPLE_CHAT + ":" + ACCEPTED_MESSAGE_ID;
    }

    @Override
    public String permanentReason() {
        return "bot was blocked by the user";
    }

    /** A delivery as Telegram posts it to the webhook URL: JSON, with the secret token header. */
    public static WebhookRequest signed(String json) {
        return WebhookRequests.post("", Map.of("Content-Type", "application/json", SECRET_HEADER, WEBHOOK_SECRET),
                json);
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static final String GUIDE_CHAT = "\"chat\":{\"last_name\":\"Test Lastname\",\"id\":1111111,"
            + "\"type\":\"private\",\"first_name\":\"Test Firstname\",\"username\":\"Testusername\"}";
    private static final String GUIDE_FROM = "\"from\":{\"last_name\":\"Test Lastname\",\"id\":1111111,"
            + "\"first_name\":\"Test Firstname\",\"username\":\"Testusername\"}";

    public static final String GUIDE_TEXT = "{\"update_id\":10000,\"message\":{\"date\":1441645532," + GUIDE_CHAT
            + ",\"message_id\":1365," + GUIDE_FROM + ",\"text\":\"/start\"}}";

    static final String GUIDE_REPLY = "{\"update_id\":10000,\"message\":{\"date\":1441645532," + GUIDE_CHAT
            + ",\"message_id\":1365," + GUIDE_FROM + ",\"text\":\"/start\",\"reply_to_message\":{"
            + "\"date\":1441645000,\"chat\":{\"last_name\":\"Reply Lastname\",\"type\":\"private\",\"id\":1111112,"
            + "\"first_name\":\"Reply Firstname\",\"username\":\"Testusername\"},\"message_id\":1334,"
            + "\"text\":\"Original\"}}}";

    static final String GUIDE_ENTITIES = "{\"update_id\":10000,\"message\":{\"date\":1441645532," + GUIDE_CHAT
            + ",\"message_id\":1365," + GUIDE_FROM + ",\"text\":\"Bold and italics\",\"entities\":["
            + "{\"type\":\"italic\",\"offset\":9,\"length\":7},{\"type\":\"bold\",\"offset\":0,\"length\":4}]}}";

    public static final String GUIDE_EDITED = "{\"update_id\":10000,\"edited_message\":{\"date\":1441645532,"
            + GUIDE_CHAT + ",\"message_id\":1365," + GUIDE_FROM + ",\"text\":\"Edited text\","
            + "\"edit_date\":1441646600}}";

    static final String GUIDE_CALLBACK = "{\"update_id\":10000,\"callback_query\":{\"id\":\"4382bfdwdsb323b2d9\","
            + "\"from\":{\"last_name\":\"Test Lastname\",\"type\":\"private\",\"id\":1111111,"
            + "\"first_name\":\"Test Firstname\",\"username\":\"Testusername\"},"
            + "\"data\":\"Data from button callback\",\"inline_message_id\":\"1234csdbsk4839\"}}";

    static final String GUIDE_INLINE = "{\"update_id\":10000,\"inline_query\":{\"id\":134567890097,"
            + "\"from\":{\"last_name\":\"Test Lastname\",\"type\":\"private\",\"id\":1111111,"
            + "\"first_name\":\"Test Firstname\",\"username\":\"Testusername\"},\"query\":\"inline query\","
            + "\"offset\":\"\"}}";

    /** The webhook guide's document sample: getFile and the download must be scripted on the stub. */
    public static final String GUIDE_DOCUMENT = "{\"update_id\":10000,\"message\":{\"date\":1441645532,"
            + GUIDE_CHAT + ",\"message_id\":1365," + GUIDE_FROM + ",\"document\":{"
            + "\"file_id\":\"AwADBAADbXXXXXXXXXXXGBdhD2l6_XX\",\"file_name\":\"Testfile.pdf\","
            + "\"mime_type\":\"application/pdf\",\"file_size\":536392}}}";

    /** The webhook guide's voice sample. */
    public static final String GUIDE_VOICE = "{\"update_id\":10000,\"message\":{\"date\":1441645532," + GUIDE_CHAT
            + ",\"message_id\":1365," + GUIDE_FROM + ",\"voice\":{\"file_id\":\"AwADBAADbXXXXXXXXXXXGBdhD2l6_XX\","
            + "\"duration\":5,\"mime_type\":\"audio/ogg\",\"file_size\":23000}}}";

    static final String LOCATION = "{\"update_id\":10001,\"message\":{\"date\":1441645532," + GUIDE_CHAT
            + ",\"message_id\":1366," + GUIDE_FROM + ",\"location\":{\"latitude\":52.520008,"
            + "\"longitude\":13.404954}}}";

    static final String OWN_CONTACT = "{\"update_id\":10002,\"message\":{\"date\":1441645532," + GUIDE_CHAT
            + ",\"message_id\":1367," + GUIDE_FROM + ",\"contact\":{\"phone_number\":\"+4915112345678\","
            + "\"first_name\":\"Test Firstname\",\"user_id\":1111111}}}";

    static final String GROUP_TEXT = "{\"update_id\":10003,\"message\":{\"date\":1441645532,"
            + "\"chat\":{\"id\":-1001234567890,\"title\":\"Acme customers\",\"type\":\"supergroup\"},"
            + "\"message_id\":77," + GUIDE_FROM + ",\"text\":\"hello everyone\"}}";
}
