package org.switchboard.plugins.metamessenger.scenario;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.WebhookFixture;

/**
 * Plays Instagram messaging (Instagram API with Instagram Login: webhooks of object {@code instagram}, Send API at
 * {@code POST /{version}/{IG_ID}/messages}) for the {@code instagram} connector. Samples follow Meta's
 * "Instagram Platform Webhook Notification Examples" (messages, echoes, reactions, messaging_seen, postbacks).
 */
public class InstagramScenario extends MetaScenario {

    /** An Instagram professional account id's shape. */
    public static final String IG_ID = "17841405822304914";
    /** An Instagram user access token's shape; never a real one. */
    public static final String ACCESS_TOKEN = "IGAAScenarioInstagramUserToken5kLm2";

    public InstagramScenario() {
        super("instagram", "instagram", "igUserId", IG_ID, "accessToken", ACCESS_TOKEN, "instagram-igsid");
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        if (status != DeliveryStatus.READ) {
            return Optional.empty(); // Instagram has no delivery receipts, only messaging_seen
        }
        return Optional.of(signedDelivery(webhookUrl, "{\"sender\":{\"id\":\"" + sampleSender()
                + "\"},\"recipient\":{\"id\":\"" + IG_ID + "\"},\"timestamp\":1569262485349,\"read\":{\"mid\":\""
                + providerMessageId + "\"}}"));
    }

    @Override
    public String acceptedMessageId() {
        return "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1OTk2";
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        String igsid = "5634120982711945";
        Identity customer = expectedSender(igsid);
        Instant at = Instant.ofEpochMilli(1569262485349L);
        String from = "\"sender\":{\"id\":\"" + igsid + "\"},\"recipient\":{\"id\":\"" + IG_ID + "\"},"
                + "\"timestamp\":1569262485349";
        String fromUs = "\"sender\":{\"id\":\"" + IG_ID + "\"},\"recipient\":{\"id\":\"" + igsid + "\"},"
                + "\"timestamp\":1569262485349";
        return List.of(
                new WebhookFixture("text message", signedDelivery(webhookUrl, "{" + from
                        + ",\"message\":{\"mid\":\"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1\","
                        + "\"text\":\"Do you ship to Canada?\"}}"),
                        List.of(InboundMessage.text("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1", customer, null,
                                "Do you ship to Canada?", at))),
                new WebhookFixture("image whose file cannot be downloaded is kept with a note",
                        signedDelivery(webhookUrl, "{" + from + ",\"message\":{\"mid\":\"aWdfZAG1fMedia1\","
                                + "\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":\""
                                + MessengerScenario.UNREACHABLE_FILE + "\"}}]}}"),
                        List.of(InboundMessage.text("aWdfZAG1fMedia1", customer, null,
                                "[image attachment could not be downloaded]", at))),
                new WebhookFixture("the account's own message (echo) is not a customer message",
                        signedDelivery(webhookUrl, "{" + fromUs + ",\"message\":{\"mid\":\"aWdfZAG1fEcho1\","
                                + "\"text\":\"Yes, we do.\",\"is_echo\":true}}"),
                        List.of()),
                new WebhookFixture("reaction", signedDelivery(webhookUrl, "{" + from
                        + ",\"reaction\":{\"mid\":\"aWdfZAG1fEcho1\",\"action\":\"react\",\"reaction\":\"love\","
                        + "\"emoji\":\"\\u2764\\uFE0F\"}}"),
                        List.of(InboundMessage.text("reaction:aWdfZAG1fEcho1:" + igsid + ":react:1569262485349",
                                customer, null, "\u2764\uFE0F", at))),
                new WebhookFixture("messaging_seen names the message read", signedDelivery(webhookUrl, "{" + from
                        + ",\"read\":{\"mid\":\"aWdfZAG1fEcho1\"}}"),
                        List.of(new StatusUpdate("aWdfZAG1fEcho1", DeliveryStatus.READ, null, at))),
                new WebhookFixture("icebreaker postback", signedDelivery(webhookUrl, "{" + from
                        + ",\"postback\":{\"mid\":\"aWdfZAG1fPostback1\",\"title\":\"Track my order\","
                        + "\"payload\":\"TRACK_ORDER\"}}"),
                        List.of(InboundMessage.text("aWdfZAG1fPostback1", customer, null, "Track my order", at))),
                new WebhookFixture("unsupported message (a GIF) is kept with a note", signedDelivery(webhookUrl,
                        "{" + from + ",\"message\":{\"mid\":\"aWdfZAG1fUnsupported1\",\"is_unsupported\":true}}"),
                        List.of(InboundMessage.text("aWdfZAG1fUnsupported1", customer, null,
                                "[a message type Meta does not pass on]", at))));
    }
}
