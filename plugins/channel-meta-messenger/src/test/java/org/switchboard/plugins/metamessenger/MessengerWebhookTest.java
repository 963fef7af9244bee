package org.switchboard.plugins.metamessenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.WebhookRequests;
import org.switchboard.plugins.metamessenger.scenario.MessengerScenario;

class MessengerWebhookTest {

    private static final String PSID = "1254459154682919";
    private Testbed bed;

    private Testbed open(Map<String, String> overrides) throws Exception {
        bed = new Testbed(new MessengerConnector(), new MessengerScenario(), overrides);
        return bed;
    }

    private Testbed open() throws Exception {
        return open(Map.of());
    }

    @AfterEach
    void close() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void handshake_with_the_verify_token_answers_the_challenge_as_plain_text() throws Exception {
        open();
        WebhookResult result = bed.connection.handleWebhook(
                bed.scenario.handshake(Testbed.WEBHOOK_URL, bed.scenario.verifyToken(), "1158201444"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.events()).isEmpty();
            assertThat(accepted.reply().status()).isEqualTo(200);
            assertThat(accepted.reply().contentType()).startsWith("text/plain");
            assertThat(new String(accepted.reply().body(), StandardCharsets.UTF_8)).isEqualTo("1158201444");
        });
    }

    @Test
    void handshake_with_another_token_is_refused_with_403() throws Exception {
        open();
        WebhookResult result = bed.connection.handleWebhook(
                bed.scenario.handshake(Testbed.WEBHOOK_URL, "guessed-token", "1158201444"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(403));
    }

    @Test
    void the_signature_covers_the_raw_bytes_so_reformatted_json_is_refused() throws Exception {
        open();
        WebhookRequest signed = bed.scenario.inboundText(Testbed.WEBHOOK_URL, "m_1", PSID, "hi");
        String reformatted = new String(signed.body(), StandardCharsets.UTF_8).replace(",", ", ");

        WebhookResult result = bed.connection.handleWebhook(
                WebhookRequests.withBody(signed, reformatted.getBytes(StandardCharsets.UTF_8)));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(401));
    }

    @Test
    void an_image_is_downloaded_into_an_attachment_without_sending_the_token_to_the_cdn() throws Exception {
        open();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20, 0x30};
        bed.meta.always("GET", "/cdn/", new Answer(200, "image/jpeg", jpeg, Map.of()));
        String url = bed.meta.baseUrl() + "/cdn/v/t1.15752-9/329287_n.jpg?_nc_cat=1&oh=abc";

        InboundMessage message = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_img\","
                + "\"text\":\"Is this broken?\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":\""
                + url + "\"}}]}"));

        assertThat(message.text()).isEqualTo("Is this broken?");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("329287_n.jpg");
            assertThat(attachment.contentType()).isEqualTo("image/jpeg");
            assertThat(attachment.content()).isEqualTo(jpeg);
        });
        RecordedRequest download = bed.meta.requests().stream()
                .filter(r -> r.path().startsWith("/cdn/")).findFirst().orElseThrow();
        assertThat(download.header("Authorization")).isEmpty();
    }

    @Test
    void a_failed_download_keeps_the_message_with_a_note_and_the_reason_in_metadata() throws Exception {
        open();
        String url = bed.meta.baseUrl() + "/cdn/expired.mp4";

        InboundMessage message = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_vid\","
                + "\"attachments\":[{\"type\":\"video\",\"payload\":{\"url\":\"" + url + "\"}}]}"));

        assertThat(message.externalId()).isEqualTo("m_vid");
        assertThat(message.text()).isEqualTo("[video attachment could not be downloaded]");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.metadata()).containsEntry("attachment1Error", "the download answered HTTP 404")
                .containsEntry("attachment1Url", url);
    }

    @Test
    void a_shared_link_becomes_text_and_is_not_downloaded() throws Exception {
        open();
        InboundMessage message = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_link\","
                + "\"attachments\":[{\"type\":\"fallback\",\"payload\":{\"url\":\"https://shop.example/p/42\","
                + "\"title\":\"Blue shirt\"}}]}"));

        assertThat(message.text()).isEqualTo("Blue shirt https://shop.example/p/42");
        assertThat(bed.meta.requests()).noneMatch(r -> r.path().contains("/p/42"));
    }

    @Test
    void quick_reply_payload_and_the_replied_to_message_go_to_metadata() throws Exception {
        open();
        InboundMessage message = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_qr\","
                + "\"text\":\"Yes\",\"quick_reply\":{\"payload\":\"CONFIRM_ORDER_42\"},"
                + "\"reply_to\":{\"mid\":\"m_question\"}}"));

        assertThat(message.text()).isEqualTo("Yes");
        assertThat(message.metadata()).containsEntry("quickReplyPayload", "CONFIRM_ORDER_42")
                .containsEntry("replyToMid", "m_question");
    }

    @Test
    void a_postback_carries_its_title_as_text_and_its_payload_in_metadata() throws Exception {
        open();
        InboundMessage message = bed.deliverMessage(bed.fromCustomer(PSID,
                "\"postback\":{\"mid\":\"m_pb\",\"title\":\"Talk to a human\",\"payload\":\"HUMAN\"}"));

        assertThat(message.externalId()).isEqualTo("m_pb");
        assertThat(message.text()).isEqualTo("Talk to a human");
        assertThat(message.metadata()).containsEntry("postbackPayload", "HUMAN");
    }

    @Test
    void removing_a_reaction_is_a_message_of_its_own_with_a_stable_id() throws Exception {
        open();
        String unreact = bed.fromCustomer(PSID,
                "\"reaction\":{\"action\":\"unreact\",\"mid\":\"m_reply\",\"emoji\":\"\\uD83D\\uDC4D\"}");

        InboundMessage first = bed.deliverMessage(unreact);
        InboundMessage again = bed.deliverMessage(unreact);

        assertThat(first.text()).isEqualTo("Removed reaction \uD83D\uDC4D");
        assertThat(first.metadata()).containsEntry("reactionAction", "unreact").containsEntry("reactedToMid",
                "m_reply");
        assertThat(again.externalId()).isEqualTo(first.externalId()).startsWith("reaction:m_reply:" + PSID);
    }

    @Test
    void the_sender_name_is_looked_up_once_with_the_token_in_a_header() throws Exception {
        open();
        bed.meta.always("GET", "/v21.0/" + PSID, Answer.json(200,
                "{\"first_name\":\"Peter\",\"last_name\":\"Chang\",\"id\":\"" + PSID + "\"}"));

        InboundMessage first = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_a\",\"text\":\"a\"}"));
        InboundMessage second = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_b\",\"text\":\"b\"}"));

        assertThat(first.senderName()).isEqualTo("Peter Chang");
        assertThat(second.senderName()).isEqualTo("Peter Chang");
        List<RecordedRequest> lookups = bed.meta.requests().stream()
                .filter(r -> r.path().equals("/v21.0/" + PSID)).toList();
        assertThat(lookups).singleElement().satisfies(lookup -> {
            assertThat(lookup.query()).isEqualTo("fields=first_name%2Clast_name");
            assertThat(lookup.header("Authorization")).contains("Bearer " + MessengerScenario.PAGE_ACCESS_TOKEN);
        });
    }

    @Test
    void a_failed_name_look_up_leaves_the_name_empty_and_the_message_arrives() throws Exception {
        open();
        bed.meta.always("GET", "/v21.0/" + PSID, Answer.json(400, "{\"error\":{\"message\":\"(#100) No profile "
                + "available for that user.\",\"type\":\"OAuthException\",\"code\":100}}"));

        InboundMessage message = bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_c\",\"text\":\"c\"}"));

        assertThat(message.senderName()).isNull();
        assertThat(message.text()).isEqualTo("c");
    }

    @Test
    void names_are_not_looked_up_when_switched_off() throws Exception {
        open(Map.of("fetchProfiles", "false"));

        bed.deliverMessage(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_d\",\"text\":\"d\"}"));

        assertThat(bed.meta.requests()).isEmpty();
    }

    @Test
    void entries_of_another_page_are_skipped_and_reported_in_health() throws Exception {
        open();
        String event = bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_other\",\"text\":\"not ours\"}");

        List<InboundEvent> events = bed.deliverPayload(bed.scenario.payload(
                bed.scenario.entryOf("999888777666", event),
                bed.scenario.entry(bed.fromCustomer(PSID, "\"message\":{\"mid\":\"m_ours\",\"text\":\"ours\"}"))));

        assertThat(events).extracting(e -> ((InboundMessage) e).externalId()).containsExactly("m_ours");
        assertThat(bed.connection.health().healthy()).isFalse();
        assertThat(bed.connection.health().detail()).contains("999888777666").contains(MessengerScenario.PAGE_ID);
    }

    @Test
    void an_instagram_payload_is_refused_with_400_naming_the_object() throws Exception {
        open();
        WebhookResult result = bed.connection.handleWebhook(bed.scenario.signed(Testbed.WEBHOOK_URL,
                "{\"object\":\"instagram\",\"entry\":[]}"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.reason()).contains("'page'").contains("'instagram'");
        });
    }

    @Test
    void a_message_without_mid_is_refused_with_400_naming_where() throws Exception {
        open();
        WebhookResult result = bed.connection.handleWebhook(bed.scenario.signedDelivery(Testbed.WEBHOOK_URL,
                bed.fromCustomer(PSID, "\"message\":{\"text\":\"no id\"}")));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.reason()).isEqualTo("entry[0].messaging[0].message.mid is missing");
        });
    }

    @Test
    void a_delivery_without_mids_names_the_echoed_messages_up_to_its_watermark() throws Exception {
        open();
        String toCustomer = "{\"sender\":{\"id\":\"" + MessengerScenario.PAGE_ID + "\"},\"recipient\":{\"id\":\""
                + PSID + "\"},\"timestamp\":";
        bed.deliverPayload(bed.scenario.payload(bed.scenario.entry(
                toCustomer + "1000000000100,\"message\":{\"is_echo\":true,\"mid\":\"m_early\",\"text\":\"a\"}}",
                toCustomer + "1000000000300,\"message\":{\"is_echo\":true,\"mid\":\"m_late\",\"text\":\"b\"}}")));

        List<InboundEvent> events = bed.deliver("{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\""
                + MessengerScenario.PAGE_ID + "\"},\"delivery\":{\"watermark\":1000000000200}}");

        assertThat(events).singleElement().isInstanceOfSatisfying(StatusUpdate.class, update -> {
            assertThat(update.externalMessageId()).isEqualTo("m_early");
            assertThat(update.status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
    }

    @Test
    void events_without_meaning_for_agents_are_acknowledged_without_events() throws Exception {
        open();
        List<InboundEvent> events = bed.deliver(bed.fromCustomer(PSID,
                "\"optin\":{\"type\":\"notification_messages\",\"payload\":\"X\"}"));

        assertThat(events).isEmpty();
    }

    @Test
    void other_paths_and_methods_are_refused() throws Exception {
        open();
        WebhookRequest valid = bed.scenario.inboundText(Testbed.WEBHOOK_URL, "m_x", PSID, "x");
        WebhookRequest elsewhere = new WebhookRequest("POST", "/status", Map.of(), valid.headers(), valid.body(),
                "127.0.0.1");
        WebhookRequest put = new WebhookRequest("PUT", "", Map.of(), valid.headers(), valid.body(), "127.0.0.1");

        assertThat(bed.connection.handleWebhook(elsewhere)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(404));
        assertThat(bed.connection.handleWebhook(put)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(405));
    }
}
