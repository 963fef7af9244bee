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
 * Plays Facebook Messenger (Messenger Platform webhooks and Send API) for the {@code messenger} connector. Samples
 * are Meta's reference examples ("messages", "message_echoes", "message_deliveries", "message_reads",
 * "messaging_postbacks", "message_reactions" webhook events) with the placeholders filled in.
 */
public class MessengerScenario extends MetaScenario {

    /** The Page of Meta's "message with attachment" sample. */
    public static final String PAGE_ID = "682498302938465";
    /** A Page access token's shape; never a real one. */
    public static final String PAGE_ACCESS_TOKEN = "EAAGm0PX4ZCpsBAScenarioPageToken9x7Q";
    /** Nothing listens on port 1, so a download fails at once, everywhere. */
    static final String UNREACHABLE_FILE = "http://127.0.0.1:1/v/t1.15752-9/329287_n.jpg";

    public MessengerScenario() {
        super("messenger", "page", "pageId", PAGE_ID, "pageAccessToken", PAGE_ACCESS_TOKEN, "messenger-psid");
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        if (status != DeliveryStatus.DELIVERED) {
            return Optional.empty(); // Messenger read receipts carry only a watermark, never a message id
        }
        return Optional.of(signedDelivery(webhookUrl, "{\"sender\":{\"id\":\"" + sampleSender()
                + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"},\"delivery\":{\"mids\":[\"" + providerMessageId
                + "\"],\"watermark\":1458668856253}}"));
    }

    @Override
    public String acceptedMessageId() {
        return "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P";
    }

    @Override
    public List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        String psid = "1254459154682919";
        Identity customer = expectedSender(psid);
        Instant at = Instant.ofEpochMilli(1458692752478L);
        String from = "\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"}";
        String fromPage = "\"sender\":{\"id\":\"" + PAGE_ID + "\"},\"recipient\":{\"id\":\"" + psid + "\"}";
        // A customer of its own, so the echoes of the other samples cannot take part in its watermark.
        String reader = "2211009988776655";
        String toReader = "\"sender\":{\"id\":\"" + PAGE_ID + "\"},\"recipient\":{\"id\":\"" + reader + "\"}";
        String fromReader = "\"sender\":{\"id\":\"" + reader + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"}";
        return List.of(
                new WebhookFixture("text message with a quick reply", signedDelivery(webhookUrl, "{" + from
                        + ",\"timestamp\":1458692752478,\"message\":{\"mid\":\"mid.1457764197618:41d102a3e1ae206a38\","
                        + "\"text\":\"hello, world!\",\"quick_reply\":{\"payload\":\"DEVELOPER_DEFINED_PAYLOAD\"}}}"),
                        List.of(InboundMessage.text("mid.1457764197618:41d102a3e1ae206a38", customer, null,
                                "hello, world!", at))),
                new WebhookFixture("reply to an earlier message", signedDelivery(webhookUrl, "{" + from
                        + ",\"timestamp\":1458692752478,\"message\":{\"mid\":\"m_1457764197618:41d102a3e1ae206a38\","
                        + "\"text\":\"hello, world!\",\"reply_to\":{\"mid\":\"m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU\","
                        + "\"is_self_reply\":false}}}"),
                        List.of(InboundMessage.text("m_1457764197618:41d102a3e1ae206a38", customer, null,
                                "hello, world!", at))),
                new WebhookFixture("image whose file cannot be downloaded is kept with a note",
                        signed(webhookUrl, payload("{\"id\":\"" + PAGE_ID + "\",\"time\":1518479195594,\"messaging\":[{"
                                + from + ",\"timestamp\":1518479195308,\"message\":{\"mid\":"
                                + "\"mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c\",\"attachments\":[{\"type\":\"image\","
                                + "\"payload\":{\"url\":\"" + UNREACHABLE_FILE + "\"}}]}}]}")),
                        List.of(InboundMessage.text("mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c", customer, null,
                                "[image attachment could not be downloaded]", at))),
                new WebhookFixture("the page's own message (echo) is not a customer message",
                        signedDelivery(webhookUrl, "{" + fromPage + ",\"timestamp\":1457764197627,\"message\":{"
                                + "\"is_echo\":true,\"app_id\":1517776481860111,\"metadata\":\"DEVELOPER_DEFINED\","
                                + "\"mid\":\"mid.1457764197618:41d102a3e1ae206a38\",\"text\":\"hello, world!\"}}"),
                        List.of()),
                new WebhookFixture("delivery receipt naming the message", signedDelivery(webhookUrl, "{" + from
                        + ",\"delivery\":{\"mids\":[\"mid.1458668856218:ed81099e15d3f4f233\"],"
                        + "\"watermark\":1458668856253}}"),
                        List.of(new StatusUpdate("mid.1458668856218:ed81099e15d3f4f233", DeliveryStatus.DELIVERED, null,
                                at))),
                new WebhookFixture("read watermark after an echo marks the echoed message read",
                        signed(webhookUrl, payload(entry(
                                "{" + toReader + ",\"timestamp\":1458668850000,\"message\":{\"is_echo\":true,"
                                        + "\"mid\":\"m_echoed-before-the-watermark\",\"text\":\"Your order ships today\"}}",
                                "{" + toReader + ",\"timestamp\":1458668860000,\"message\":{\"is_echo\":true,"
                                        + "\"mid\":\"m_echoed-after-the-watermark\",\"text\":\"Anything else?\"}}",
                                "{" + fromReader + ",\"timestamp\":1458668856463,\"read\":{\"watermark\":1458668856253}}"))),
                        List.of(new StatusUpdate("m_echoed-before-the-watermark", DeliveryStatus.READ, null, at))),
                new WebhookFixture("read watermark of a customer with no known page message says nothing",
                        signedDelivery(webhookUrl, "{\"sender\":{\"id\":\"9990001112223334\"},\"recipient\":{\"id\":\""
                                + PAGE_ID + "\"},\"timestamp\":1458668856463,\"read\":{\"watermark\":1458668856253}}"),
                        List.of()),
                new WebhookFixture("postback button", signedDelivery(webhookUrl, "{" + from
                        + ",\"timestamp\":\"1527459824\",\"postback\":{\"mid\":\"m_MESSAGE-ID\",\"title\":"
                        + "\"TITLE-FOR-THE-CTA\",\"payload\":\"USER-DEFINED-PAYLOAD\",\"referral\":{\"ref\":"
                        + "\"USER-DEFINED-REFERRAL-PARAM\",\"source\":\"SHORT-URL\",\"type\":\"OPEN_THREAD\"}}}"),
                        List.of(InboundMessage.text("m_MESSAGE-ID", customer, null, "TITLE-FOR-THE-CTA", at))),
                new WebhookFixture("reaction", signedDelivery(webhookUrl, "{" + from
                        + ",\"timestamp\":1458668856463,\"reaction\":{\"reaction\":\"love\",\"emoji\":\"\\u2764\\uFE0F\","
                        + "\"action\":\"react\",\"mid\":\"m_1457764197618:41d102a3e1ae206a38\"}}"),
                        List.of(InboundMessage.text("reaction:m_1457764197618:41d102a3e1ae206a38:" + psid
                                + ":react:1458668856463", customer, null, "\u2764\uFE0F", at))),
                new WebhookFixture("several entries and events in one delivery", signed(webhookUrl, payload(
                        entry("{" + from + ",\"timestamp\":1458692752478,\"message\":{\"mid\":\"m_batch-1\","
                                        + "\"text\":\"first\"}}",
                                "{" + from + ",\"timestamp\":1458692752479,\"message\":{\"mid\":\"m_batch-2\","
                                        + "\"text\":\"second\"}}"),
                        entry("{" + from + ",\"delivery\":{\"mids\":[\"m_sent-earlier\"],\"watermark\":1458668856253}}"))),
                        List.of(InboundMessage.text("m_batch-1", customer, null, "first", at),
                                InboundMessage.text("m_batch-2", customer, null, "second", at),
                                new StatusUpdate("m_sent-earlier", DeliveryStatus.DELIVERED, null, at))));
    }

    /** Meta's Send API answer for an accepted message. */
    public static String acceptedAnswer(String messageId) {
        return "{\"recipient_id\":\"6512049874302911\",\"message_id\":\"" + messageId + "\"}";
    }
}
