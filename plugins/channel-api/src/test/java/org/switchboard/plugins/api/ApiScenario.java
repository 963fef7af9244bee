package org.switchboard.plugins.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugin.testkit.WebhookFixture;
import org.switchboard.plugin.testkit.WebhookRequests;

/**
 * Plays a system integrated through the generic API channel, written from the channel's published wire format
 * (the module's README): signed posts of messages and status reports, and a callback that answers outbound
 * messages. Self-contained: it signs with javax.crypto itself and uses no class of the plugin.
 *
 * <p>Config it needs: {@code signingSecret} and {@code callbackUrl} (pointing at the stub's
 * {@value #CALLBACK_PATH}).
 */
public class ApiScenario implements ChannelScenario {

    public static final String SIGNING_SECRET = "kit-signing-secret-0123456789abcdef";
    public static final String CALLBACK_PATH = "/switchboard/outbound";
    public static final String ACCEPTED_ID = "crm-msg-4711";

    public ApiScenario() {
    }

    @Override
    public String connectorId() {
        return "api";
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        return Map.of("signingSecret", SIGNING_SECRET, "callbackUrl", providerBaseUrl + CALLBACK_PATH);
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("signingSecret");
    }

    @Override
    public String sampleSender() {
        return "ada@example.com";
    }

    @Override
    public Identity expectedSender(String sender) {
        return Identity.email(sender);
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return signed("/messages", "{\"id\":" + json(providerMessageId) + ",\"from\":{\"kind\":\"email\",\"value\":"
                + json(sender) + ",\"name\":\"Ada Lovelace\"},\"text\":" + json(text) + "}");
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        return Optional.of(signed("/status", "{\"messageId\":" + json(providerMessageId) + ",\"status\":"
                + json(status.name().toLowerCase(java.util.Locale.ROOT)) + "}"));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Switchboard-Signature", null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        String timestamp = signed.header("X-Switchboard-Timestamp").orElseThrow();
        return WebhookRequests.withHeader(signed, "X-Switchboard-Signature",
                signature("another-accounts-secret-000000", timestamp, signed.body()));
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        return signed("/messages", "{\"id\":\"call-1\",\"from\":{\"kind\":\"phone\",");
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        byte[] transcript = "Caller: my router blinks red.\nAgent bot: let me connect you.".getBytes(
                StandardCharsets.UTF_8);
        Identity caller = Identity.phone("+49 30 1234567");
        return List.of(
                new WebhookFixture("README: a phone system posts a call transcript", signed("", "{"
                        + "\"id\":\"call-2026-11-23-0042\","
                        + "\"from\":{\"kind\":\"phone\",\"value\":\"+49 30 1234567\",\"name\":\"Grace Hopper\"},"
                        + "\"text\":\"Call transcript attached; caller asks for a technician visit.\","
                        + "\"subject\":\"Call from +49 30 1234567\","
                        + "\"sentAt\":\"2026-11-23T14:05:00Z\","
                        + "\"attachments\":[{\"fileName\":\"transcript.txt\",\"contentType\":\"text/plain\","
                        + "\"base64\":\"" + Base64.getEncoder().encodeToString(transcript) + "\"}],"
                        + "\"metadata\":{\"callDurationSeconds\":\"312\",\"queue\":\"support\"},"
                        + "\"alsoKnownAs\":[{\"kind\":\"acme-customer\",\"value\":\"C-1001\"}]}"),
                        List.of(new InboundMessage("call-2026-11-23-0042", caller, "Grace Hopper",
                                List.of(new Identity(new IdentityKind("acme-customer"), "C-1001")),
                                "Call transcript attached; caller asks for a technician visit.", null,
                                List.of(new Attachment("transcript.txt", "text/plain", transcript, false, null)),
                                Instant.parse("2026-11-23T14:05:00Z"),
                                new ThreadingHints("Call from +49 30 1234567", null, null, List.of()),
                                Map.of("callDurationSeconds", "312", "queue", "support")))),
                new WebhookFixture("README: a shop posts a batch", signed("/messages", "{\"messages\":["
                        + "{\"id\":\"order-17-note-1\",\"from\":{\"kind\":\"email\",\"value\":\"ada@example.com\"},"
                        + "\"text\":\"Please gift-wrap order 17.\"},"
                        + "{\"id\":\"order-17-note-2\",\"from\":{\"kind\":\"email\",\"value\":\"ada@example.com\"},"
                        + "\"text\":\"And add a card.\"}]}"),
                        List.of(InboundMessage.text("order-17-note-1", Identity.email("ada@example.com"), null,
                                        "Please gift-wrap order 17.", Instant.EPOCH),
                                InboundMessage.text("order-17-note-2", Identity.email("ada@example.com"), null,
                                        "And add a card.", Instant.EPOCH))),
                new WebhookFixture("README: a read report", signed("/status",
                        "{\"messageId\":\"crm-msg-4711\",\"status\":\"read\"}"),
                        List.of(new StatusUpdate("crm-msg-4711", DeliveryStatus.READ, null, Instant.EPOCH))),
                new WebhookFixture("README: a failure report with a reason", signed("/status",
                        "{\"messageId\":\"crm-msg-4712\",\"status\":\"failed\",\"reason\":\"mailbox full\"}"),
                        List.of(new StatusUpdate("crm-msg-4712", DeliveryStatus.FAILED, "mailbox full",
                                Instant.EPOCH))));
    }

    @Override
    public Identity recipient() {
        return Identity.email("ada@example.com");
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        switch (outcome) {
            case ACCEPTED -> provider.once("POST", CALLBACK_PATH,
                    ProviderStub.Answer.json(200, "{\"id\":\"" + ACCEPTED_ID + "\"}"));
            case RETRYABLE -> provider.once("POST", CALLBACK_PATH,
                    ProviderStub.Answer.json(503, "{\"error\":\"maintenance\"}").withHeader("Retry-After", "30"));
            case PERMANENT -> provider.once("POST", CALLBACK_PATH,
                    ProviderStub.Answer.json(422, "{\"error\":\"unknown recipient ada@example.com\"}"));
        }
    }

    @Override
    public String acceptedMessageId() {
        return ACCEPTED_ID;
    }

    @Override
    public String permanentReason() {
        return "unknown recipient ada@example.com";
    }

    /** A request signed now, as the integrated system sends it. */
    public static WebhookRequest signed(String subPath, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return WebhookRequests.post(subPath, Map.of("Content-Type", "application/json",
                "X-Switchboard-Timestamp", timestamp,
                "X-Switchboard-Signature", signature(SIGNING_SECRET, timestamp, body)), body);
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
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
}
