package org.switchboard.plugins.metamessenger.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugin.testkit.WebhookRequests;

/**
 * What Messenger and Instagram share, written from Meta's public documentation: webhooks are
 * {@code {"object", "entry":[{"id", "time", "messaging":[...]}]}} POSTed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under the app secret>}; the Send API is
 * {@code POST /{version}/{id}/messages} answering {@code {"recipient_id", "message_id"}} or a Graph error
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}.
 *
 * <p>Self-contained on purpose (JDK, plugin API and test kit only): the portal's round-trip tests load it from
 * the plugin's test JAR without the plugin's classes.
 */
public abstract class MetaScenario implements ChannelScenario {

    static final String APP_SECRET = "scenario-app-secret-3f9a1c";
    static final String VERIFY_TOKEN = "scenario-verify-token-8d2e";
    static final String API_VERSION = "v21.0";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final long TIMESTAMP = 1458692752478L;

    private final String connectorId;
    private final String webhookObject;
    private final String accountIdKey;
    private final String accountId;
    private final String tokenKey;
    private final String token;
    private final IdentityKind identityKind;

    MetaScenario(String connectorId, String webhookObject, String accountIdKey, String accountId, String tokenKey,
            String token, String identityKind) {
        this.connectorId = connectorId;
        this.webhookObject = webhookObject;
        this.accountIdKey = accountIdKey;
        this.accountId = accountId;
        this.tokenKey = tokenKey;
        this.token = token;
        this.identityKind = new IdentityKind(identityKind);
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(accountIdKey, accountId);
        config.put(tokenKey, token);
        config.put("appSecret", APP_SECRET);
        config.put("verifyToken", VERIFY_TOKEN);
        config.put("apiBaseUrl", providerBaseUrl.toString());
        config.put("apiVersion", API_VERSION);
        return config;
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of(tokenKey, "appSecret", "verifyToken");
    }

    @Override
    public String sampleSender() {
        return "6512049874302911";
    }

    @Override
    public Identity expectedSender(String sender) {
        return new Identity(identityKind, sender);
    }

    @Override
    public Identity recipient() {
        return new Identity(identityKind, "6512049874302911");
    }

    /** The account's id at Meta (Page ID or Instagram account ID), the entries' {@code id}. */
    public String accountId() {
        return accountId;
    }

    /** The access token the scenario's account uses, for checking the Authorization header. */
    public String accessToken() {
        return token;
    }

    /** The Graph path of the Send API for this account. */
    public String messagesPath() {
        return "/" + API_VERSION + "/" + accountId + "/messages";
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return signedDelivery(webhookUrl, "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\""
                + accountId + "\"},\"timestamp\":" + TIMESTAMP + ",\"message\":{\"mid\":\"" + providerMessageId
                + "\",\"text\":" + json(text) + "}}");
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, SIGNATURE_HEADER, null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, SIGNATURE_HEADER, signature("not-the-app-secret", signed.body()));
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        return signed(webhookUrl, "{\"object\":\"" + webhookObject + "\",\"entry\":[{\"id\":\"" + accountId
                + "\",\"messaging\":[{\"sender\":");
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        switch (outcome) {
            case ACCEPTED -> provider.once("POST", messagesPath(), ProviderStub.Answer.json(200,
                    "{\"recipient_id\":\"" + recipient().value() + "\",\"message_id\":\"" + acceptedMessageId()
                            + "\"}"));
            // Meta reports rate limits as Graph errors (here HTTP 400 with code 613), not only as HTTP 429.
            case RETRYABLE -> provider.once("POST", messagesPath(), ProviderStub.Answer.json(400,
                    "{\"error\":{\"message\":\"(#613) Calls to this api have exceeded the rate limit.\","
                            + "\"type\":\"OAuthException\",\"code\":613,\"fbtrace_id\":\"AbCdEfGh123\"}}"));
            case PERMANENT -> provider.once("POST", messagesPath(), ProviderStub.Answer.json(400,
                    "{\"error\":{\"message\":\"(#100) No matching user found\",\"type\":\"OAuthException\","
                            + "\"code\":100,\"error_subcode\":2018001,\"fbtrace_id\":\"AbCdEfGh124\"}}"));
        }
    }

    @Override
    public String permanentReason() {
        return "No matching user found";
    }

    /** One {@code messaging} event in an entry of this account, signed. */
    public WebhookRequest signedDelivery(URI webhookUrl, String messagingEvent) {
        return signed(webhookUrl, payload(entry(messagingEvent)));
    }

    /** A whole payload of entries. */
    public String payload(String... entries) {
        return "{\"object\":\"" + webhookObject + "\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    /** An entry of this account with the given messaging events. */
    public String entry(String... messagingEvents) {
        return entryOf(accountId, messagingEvents);
    }

    /** An entry of any account. */
    public String entryOf(String id, String... messagingEvents) {
        return "{\"id\":\"" + id + "\",\"time\":" + (TIMESTAMP + 1000) + ",\"messaging\":["
                + String.join(",", messagingEvents) + "]}";
    }

    /** A POST of {@code body} to the account's webhook URL, signed as Meta signs it. */
    public WebhookRequest signed(URI webhookUrl, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookRequests.post(WebhookRequests.subPathOf(webhookUrl, webhookUrl),
                Map.of(SIGNATURE_HEADER, signature(APP_SECRET, bytes), "Content-Type", "application/json"), bytes);
    }

    /** Meta's handshake GET. */
    public WebhookRequest handshake(URI webhookUrl, String verifyToken, String challenge) {
        return WebhookRequests.get(WebhookRequests.subPathOf(webhookUrl, webhookUrl),
                "hub.mode=subscribe&hub.verify_token=" + java.net.URLEncoder.encode(verifyToken,
                        StandardCharsets.UTF_8) + "&hub.challenge=" + challenge, Map.of());
    }

    /** The account's verify token. */
    public String verifyToken() {
        return VERIFY_TOKEN;
    }

    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal. */
    static String json(String text) {
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
