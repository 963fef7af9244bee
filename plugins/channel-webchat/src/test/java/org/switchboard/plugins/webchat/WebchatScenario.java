package org.switchboard.plugins.webchat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opentest4j.TestAbortedException;
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
 * Plays the website chat widget (widget.js) towards the connector: the "provider" of this channel is the
 * visitor's browser. Self-contained: it computes visitor tokens with javax.crypto and uses no class of the plugin.
 *
 * <p>The protocol, as the widget speaks it: a visitor id is 16 random bytes in unpadded base64url (22
 * characters); its token is unpadded base64url of HMAC-SHA256(signingKey, visitor id). A message is
 * {@code POST /messages} with headers {@code X-Visitor-Id} and {@code X-Visitor-Token} and the body
 * {@code {"id","text","name"?,"email"?}}; the message's external id is {@code <visitor id>:<id>}. The "signature"
 * of a delivery is the visitor token.
 *
 * <p>Config it needs: {@code signingKey} (the generated secret); the other keys have defaults.
 *
 * <p>What the kit cannot check for this channel (each reported as skipped, with the reason):
 * <ul>
 *   <li>The accepted send's id: {@code send()} answers {@code Sent(<the host's message id>)}, because there is no
 *       provider to number the message; the kit's message id is random, so {@link #acceptedMessageId()} cannot
 *       know it.</li>
 *   <li>A retryable send: nothing transient can fail. The reply is already in the host's store, where the
 *       widget's poll reads it; {@code send()} only wakes that poll.</li>
 *   <li>A status callback naming a message: delivery is reported when the widget's poll fetches replies that the
 *       host's history holds, not by a request that names a message id ({@link #statusUpdate} is empty).</li>
 * </ul>
 * A permanent refusal is real: a recipient that is not a chat visitor (here an email identity) cannot be reached
 * through the widget. {@link #arrangeSend} with {@link SendOutcome#PERMANENT} therefore makes
 * {@link #recipient()} that identity until the next arrangement.
 */
public class WebchatScenario implements ChannelScenario {

    public static final String SIGNING_KEY = "kit-webchat-signing-key-0123456789abcdef";
    /** 22 characters of base64url, the shape of a visitor id. */
    public static final String SAMPLE_VISITOR = "kitVisitor0123456789ab";
    private static final IdentityKind VISITOR = new IdentityKind("webchat-visitor");

    private volatile Identity recipient = new Identity(VISITOR, SAMPLE_VISITOR);

    public WebchatScenario() {
    }

    @Override
    public String connectorId() {
        return "webchat";
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        return Map.of("signingKey", SIGNING_KEY, "allowedOrigins", "*");
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("signingKey");
    }

    @Override
    public String sampleSender() {
        return SAMPLE_VISITOR;
    }

    @Override
    public Identity expectedSender(String sender) {
        return new Identity(VISITOR, sender);
    }

    @Override
    public String expectedExternalId(String providerMessageId) {
        return SAMPLE_VISITOR + ":" + providerMessageId;
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return post(sender, "{\"id\":" + json(providerMessageId) + ",\"text\":" + json(text) + "}");
    }

    /** Empty: see the class comment. */
    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        return Optional.empty();
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Visitor-Token", null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        String visitor = signed.header("X-Visitor-Id").orElseThrow();
        return WebhookRequests.withHeader(signed, "X-Visitor-Token", token("another-sites-signing-key", visitor));
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        return post(SAMPLE_VISITOR, "{\"id\":\"m1\",\"text\":");
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        Identity visitor = new Identity(VISITOR, SAMPLE_VISITOR);
        return List.of(
                new WebhookFixture("widget.js: a message after the pre-chat form",
                        WebhookRequests.withHeader(post(SAMPLE_VISITOR, "{\"id\":\"3f6c1a9e-7b2d\","
                                + "\"text\":\"Hello, my order is late\",\"name\":\"Ada Lovelace\","
                                + "\"email\":\"ada@example.com\"}"), "Origin", "https://shop.example.com"),
                        List.of(new InboundMessage(SAMPLE_VISITOR + ":3f6c1a9e-7b2d", visitor, "Ada Lovelace",
                                List.of(Identity.email("ada@example.com")), "Hello, my order is late", null,
                                List.of(), Instant.EPOCH, ThreadingHints.NONE, Map.of()))),
                new WebhookFixture("widget.js: a message without the form",
                        post(SAMPLE_VISITOR, "{\"id\":\"a1\",\"text\":\"hi\"}"),
                        List.of(InboundMessage.text(SAMPLE_VISITOR + ":a1", visitor, null, "hi", Instant.EPOCH))),
                new WebhookFixture("widget.js: a poll of an empty conversation",
                        WebhookRequests.withHeader(WebhookRequests.withHeader(
                                WebhookRequests.get("/messages", "since=&wait=0", Map.of()),
                                "X-Visitor-Id", SAMPLE_VISITOR), "X-Visitor-Token", token(SIGNING_KEY, SAMPLE_VISITOR)),
                        List.of()));
    }

    @Override
    public Identity recipient() {
        return recipient;
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        switch (outcome) {
            case ACCEPTED -> recipient = new Identity(VISITOR, SAMPLE_VISITOR); // nothing to arrange: no provider
            case PERMANENT -> recipient = Identity.email("visitor@example.com");
            case RETRYABLE -> throw new TestAbortedException("website chat has no retryable send failure: the reply "
                    + "is already in the host's store, where the widget's poll reads it, and send() only wakes that "
                    + "poll; no provider can be busy or down");
        }
    }

    /** Not knowable: see the class comment. */
    @Override
    public String acceptedMessageId() {
        throw new TestAbortedException("website chat answers Sent(<the host's message id>): there is no provider to "
                + "number the message, and the kit's message id is random, so the scenario cannot name it");
    }

    @Override
    public String permanentReason() {
        return "website chat can only reply to a chat visitor";
    }

    /** A message POST as widget.js sends it, with a valid visitor token. */
    public static WebhookRequest post(String visitorId, String json) {
        return WebhookRequests.post("/messages", Map.of("Content-Type", "application/json",
                "X-Visitor-Id", visitorId, "X-Visitor-Token", token(SIGNING_KEY, visitorId)), json);
    }

    /** Unpadded base64url of HMAC-SHA256(signing key, visitor id). */
    public static String token(String signingKey, String visitorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(visitorId.getBytes(StandardCharsets.UTF_8)));
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
