package com.example.switchboard.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugin.testkit.WebhookRequests;

/**
 * Plays the integrated system towards the connector, written from the wire format in README.md, not from the
 * plugin's code: it signs with javax.crypto itself and uses no class of the plugin, so it also checks the README.
 */
public class ExampleScenario implements ChannelScenario {

    public static final String SECRET = "example-shared-secret-0123456789";
    public static final String OUTBOUND_PATH = "/switchboard/replies";
    public static final String ACCEPTED_ID = "app-msg-4711";

    @Override
    public String connectorId() {
        return "example";
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        return Map.of("outboundUrl", providerBaseUrl + OUTBOUND_PATH, "secret", SECRET);
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("secret");
    }

    @Override
    public String sampleSender() {
        return "user-42";
    }

    @Override
    public Identity expectedSender(String sender) {
        return new Identity(new IdentityKind("example-user"), sender);
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return signed("{\"id\":" + json(providerMessageId) + ",\"from\":" + json(sender)
                + ",\"name\":\"Ada Lovelace\",\"text\":" + json(text) + "}");
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        return Optional.empty(); // the example format has no delivery reports
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Example-Signature", null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Example-Signature",
                signature("another-accounts-secret-00000", signed.body()));
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        return signed("{\"id\":\"m-1\",\"from\":");
    }

    @Override
    public Identity recipient() {
        return new Identity(new IdentityKind("example-user"), "user-42");
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        switch (outcome) {
            case ACCEPTED -> provider.once("POST", OUTBOUND_PATH,
                    ProviderStub.Answer.json(200, "{\"id\":\"" + ACCEPTED_ID + "\"}"));
            case RETRYABLE -> provider.once("POST", OUTBOUND_PATH,
                    ProviderStub.Answer.json(503, "{\"error\":\"maintenance\"}"));
            case PERMANENT -> provider.once("POST", OUTBOUND_PATH,
                    ProviderStub.Answer.json(422, "{\"error\":\"unknown user user-42\"}"));
        }
    }

    @Override
    public String acceptedMessageId() {
        return ACCEPTED_ID;
    }

    @Override
    public String permanentReason() {
        return "unknown user user-42";
    }

    /** A POST of {@code json} signed with {@link #SECRET}, as the integrated system sends it. */
    public static WebhookRequest signed(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return WebhookRequests.post("", Map.of("Content-Type", "application/json",
                "X-Example-Signature", signature(SECRET, body)), body);
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, body)>}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
