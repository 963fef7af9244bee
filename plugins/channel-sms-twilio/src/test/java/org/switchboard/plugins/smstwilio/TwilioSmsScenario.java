package org.switchboard.plugins.smstwilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * Plays Twilio Programmable Messaging towards the {@code sms-twilio} connector, written from Twilio's public
 * documentation: "Twilio's request to your incoming message Webhook URL" (form parameters), "Outbound message
 * status in status callbacks", "Secure webhooks" ({@code X-Twilio-Signature}: Base64 HMAC-SHA1 keyed with the auth
 * token over the URL followed by the POST parameters sorted by name, each name then its value), and the Message
 * resource of the REST API (create answers and error bodies).
 *
 * <p>Self-contained: only the JDK, the plugin API and the test kit, so the portal's round-trip tests can load it
 * from the plugin's test JAR without the plugin's classes. The account's webhook URL is the one the host gives
 * (no {@code publicBaseUrl}); status callbacks go to that URL plus {@code /status}.
 */
public class TwilioSmsScenario implements ChannelScenario {

    /** The test account (a made-up SID in Twilio's format). */
    public static final String ACCOUNT_SID = "ACd3c5a6f0b1e24c8f9a7b6c5d4e3f2a10";
    /** The test account's auth token. */
    public static final String AUTH_TOKEN = "5f4dcc3b5aa765d61d8327deb882cf99";
    /** The Twilio number of the test account. */
    public static final String TWILIO_NUMBER = "+15005550006";
    /** The customer. */
    public static final String CUSTOMER = "+14155550123";
    /** The sid the Messages API answers with for an accepted send. */
    public static final String ACCEPTED_SID = "SMb7c0a2d5e8f94c3ea1d2b3c4d5e6f7a8";
    /** The path of the Messages API for the test account. */
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    public TwilioSmsScenario() {
    }

    @Override
    public String connectorId() {
        return "sms-twilio";
    }

    @Override
    public Map<String, String> config(URI providerBaseUrl) {
        return Map.of(
                "accountSid", ACCOUNT_SID,
                "authToken", AUTH_TOKEN,
                "fromNumber", TWILIO_NUMBER,
                "apiBaseUrl", providerBaseUrl.toString());
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("authToken");
    }

    @Override
    public String sampleSender() {
        return CUSTOMER;
    }

    @Override
    public Identity expectedSender(String sender) {
        return Identity.phone(sender);
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        return signedForm(webhookUrl, "", incomingSms(providerMessageId, sender, text), AUTH_TOKEN);
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        String twilioStatus = switch (status) {
            case QUEUED -> "queued";
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case READ -> "read";
            case FAILED -> "failed";
        };
        return Optional.of(signedForm(webhookUrl, "/status",
                statusCallback(providerMessageId, twilioStatus, status == DeliveryStatus.FAILED ? "30008" : null),
                AUTH_TOKEN));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return WebhookRequests.withHeader(signed, "X-Twilio-Signature", null);
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        String wrong = hmacSha1Base64("not-the-auth-token", signed.bodyAsString());
        return WebhookRequests.withHeader(signed, "X-Twilio-Signature", wrong);
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        // Correctly signed form data, but neither a message id nor a phone number in it.
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("AccountSid", ACCOUNT_SID));
        params.add(Map.entry("From", "not-a-number"));
        params.add(Map.entry("Body", "no id"));
        return signedForm(webhookUrl, "", params, AUTH_TOKEN);
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        List<WebhookFixture> fixtures = new ArrayList<>();
        String sid = "SM1f0e8ae6ade23cb3c0ce4524424e406f";
        fixtures.add(new WebhookFixture("incoming SMS with the geographic parameters of the webhook guide",
                inboundText(webhookUrl, sid, "+14017122661", "Ahoy! We can't wait to see what you build."),
                List.of(message(sid, "+14017122661", "Ahoy! We can't wait to see what you build."))));
        String emoji = "SMa3b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";
        fixtures.add(new WebhookFixture("incoming SMS with an emoji and an accented letter (UCS-2)",
                inboundText(webhookUrl, emoji, "+447700900123", "Danke schön 👍"),
                List.of(message(emoji, "+447700900123", "Danke schön 👍"))));
        fixtures.add(new WebhookFixture("status callback: sent",
                signedForm(webhookUrl, "/status", statusCallback(ACCEPTED_SID, "sent", null), AUTH_TOKEN),
                List.of(new StatusUpdate(ACCEPTED_SID, DeliveryStatus.SENT, null, Instant.EPOCH))));
        fixtures.add(new WebhookFixture("status callback: read (RCS, WhatsApp) maps to READ",
                signedForm(webhookUrl, "/status", statusCallback(ACCEPTED_SID, "read", null), AUTH_TOKEN),
                List.of(new StatusUpdate(ACCEPTED_SID, DeliveryStatus.READ, null, Instant.EPOCH))));
        fixtures.add(new WebhookFixture("status callback: queued is no news (the host already has the message as sent)",
                signedForm(webhookUrl, "/status", statusCallback(ACCEPTED_SID, "queued", null), AUTH_TOKEN),
                List.of()));
        return fixtures;
    }

    @Override
    public Identity recipient() {
        return Identity.phone(CUSTOMER);
    }

    @Override
    public void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        ProviderStub.Answer answer = switch (outcome) {
            case ACCEPTED -> ProviderStub.Answer.json(201, createdMessage(ACCEPTED_SID));
            case RETRYABLE -> ProviderStub.Answer.json(429, "{\"code\": 20429, \"message\": \"Too Many Requests\","
                    + " \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")
                    .withHeader("Retry-After", "1");
            case PERMANENT -> ProviderStub.Answer.json(400, "{\"code\": 21211, \"message\": \"The 'To' number "
                    + "+1555 is not a valid phone number.\", \"more_info\": "
                    + "\"https://www.twilio.com/docs/errors/21211\", \"status\": 400}");
        };
        provider.once("POST", MESSAGES_PATH, answer);
    }

    @Override
    public String acceptedMessageId() {
        return ACCEPTED_SID;
    }

    @Override
    public String permanentReason() {
        return "21211";
    }

    // ---- Twilio's documented payloads ---------------------------------------------------------------------

    /** The parameters of an incoming SMS, in the order Twilio posts them. */
    public static List<Map.Entry<String, String>> incomingSms(String messageSid, String from, String body) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("ToCountry", "US"));
        params.add(Map.entry("ToState", "CA"));
        params.add(Map.entry("SmsMessageSid", messageSid));
        params.add(Map.entry("NumMedia", "0"));
        params.add(Map.entry("ToCity", "SAN FRANCISCO"));
        params.add(Map.entry("FromZip", "02903"));
        params.add(Map.entry("SmsSid", messageSid));
        params.add(Map.entry("FromState", "RI"));
        params.add(Map.entry("SmsStatus", "received"));
        params.add(Map.entry("FromCity", "PROVIDENCE"));
        params.add(Map.entry("Body", body));
        params.add(Map.entry("FromCountry", "US"));
        params.add(Map.entry("To", TWILIO_NUMBER));
        params.add(Map.entry("ToZip", "94105"));
        params.add(Map.entry("NumSegments", "1"));
        params.add(Map.entry("MessageSid", messageSid));
        params.add(Map.entry("AccountSid", ACCOUNT_SID));
        params.add(Map.entry("From", from));
        params.add(Map.entry("ApiVersion", "2010-04-01"));
        return params;
    }

    /** The parameters of a status callback for a message sent from the test account's number. */
    public static List<Map.Entry<String, String>> statusCallback(String messageSid, String status, String errorCode) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (errorCode != null) {
            params.add(Map.entry("ErrorCode", errorCode));
        }
        params.add(Map.entry("SmsSid", messageSid));
        params.add(Map.entry("SmsStatus", status));
        params.add(Map.entry("MessageStatus", status));
        params.add(Map.entry("To", CUSTOMER));
        params.add(Map.entry("MessageSid", messageSid));
        params.add(Map.entry("AccountSid", ACCOUNT_SID));
        params.add(Map.entry("From", TWILIO_NUMBER));
        params.add(Map.entry("ApiVersion", "2010-04-01"));
        return params;
    }

    /** The Message resource the create call answers with (HTTP 201). */
    public static String createdMessage(String sid) {
        return "{\"account_sid\": \"" + ACCOUNT_SID + "\", \"api_version\": \"2010-04-01\", "
                + "\"body\": \"Your order ships today.\", \"date_created\": \"Thu, 24 Aug 2023 05:01:45 +0000\", "
                + "\"date_sent\": null, \"date_updated\": \"Thu, 24 Aug 2023 05:01:45 +0000\", "
                + "\"direction\": \"outbound-api\", \"error_code\": null, \"error_message\": null, "
                + "\"from\": \"" + TWILIO_NUMBER + "\", \"num_media\": \"0\", \"num_segments\": \"1\", "
                + "\"price\": null, \"price_unit\": null, \"messaging_service_sid\": null, "
                + "\"sid\": \"" + sid + "\", \"status\": \"queued\", \"subresource_uris\": {\"media\": "
                + "\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media.json\"}, "
                + "\"to\": \"" + CUSTOMER + "\", \"uri\": \"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/"
                + sid + ".json\"}";
    }

    // ---- signing ------------------------------------------------------------------------------------------

    /**
     * A form POST to {@code webhookUrl + subPath}, signed as Twilio signs it with {@code authToken}.
     *
     * @param params the parameters in the order they are posted
     */
    public static WebhookRequest signedForm(URI webhookUrl, String subPath, List<Map.Entry<String, String>> params,
            String authToken) {
        String body = params.stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("X-Twilio-Signature", signature(authToken, webhookUrl + subPath, params));
        headers.put("User-Agent", "TwilioProxy/1.1");
        return WebhookRequests.post(subPath, headers, body);
    }

    /** Twilio's signature: the URL, then each parameter sorted by name as name + value; HMAC-SHA1; Base64. */
    public static String signature(String authToken, String url, List<Map.Entry<String, String>> params) {
        Map<String, TreeSet<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, String> param : params) {
            sorted.computeIfAbsent(param.getKey(), k -> new TreeSet<>()).add(param.getValue());
        }
        StringBuilder data = new StringBuilder(url);
        sorted.forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        return hmacSha1Base64(authToken, data.toString());
    }

    private static String hmacSha1Base64(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InboundEvent message(String sid, String from, String text) {
        return InboundMessage.text(sid, Identity.phone(from), null, text, Instant.EPOCH);
    }
}
