package org.switchboard.plugins.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.ACCESS_TOKEN;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.PHONE_NUMBER_ID;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.SENDER;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.SENDER_NAME;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.VERIFY_TOKEN;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.change;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.contact;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.message;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.notification;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.signed;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.WebhookRequests;

class WhatsappWebhookTest {

    private static final String MEDIA_ID = "2754859441498128";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private final WhatsappAccount account = new WhatsappAccount();

    @AfterEach
    void close() {
        account.close();
    }

    // ---- subscription handshake ----------------------------------------------------------------------------

    @Test
    void verification_with_the_configured_token_echoes_the_challenge_as_text() {
        WebhookResult result = account.connection.handleWebhook(
                WhatsappScenario.verification(VERIFY_TOKEN, "1158201444"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.events()).isEmpty();
            assertThat(accepted.reply().status()).isEqualTo(200);
            assertThat(accepted.reply().contentType()).startsWith("text/plain");
            assertThat(new String(accepted.reply().body(), StandardCharsets.UTF_8)).isEqualTo("1158201444");
        });
    }

    @Test
    void verification_with_another_token_is_refused_with_403() {
        WebhookResult result = account.connection.handleWebhook(
                WhatsappScenario.verification("guessed-token", "1158201444"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(403);
            assertThat(rejected.reason()).doesNotContain(VERIFY_TOKEN);
        });
    }

    @Test
    void a_get_that_is_not_a_subscription_check_is_a_bad_request() {
        WebhookResult result = account.connection.handleWebhook(WebhookRequests.get("", "", Map.of()));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(400));
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @Test
    void a_signed_body_changed_on_the_way_is_refused_with_401() {
        WebhookRequest valid = textDelivery("wamid.tamper", "original");
        WebhookRequest tampered = WebhookRequests.withBody(valid,
                valid.bodyAsString().replace("original", "changed").getBytes(StandardCharsets.UTF_8));

        assertThat(account.connection.handleWebhook(tampered)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(401));
    }

    @Test
    void other_sub_paths_and_methods_are_refused() {
        WebhookRequest elsewhere = WebhookRequests.post("/status", Map.of(), "{}");
        WebhookRequest put = new WebhookRequest("PUT", "", Map.of(), Map.of(), new byte[0], "127.0.0.1");

        assertThat(account.connection.handleWebhook(elsewhere)).isInstanceOfSatisfying(
                WebhookResult.Rejected.class, rejected -> assertThat(rejected.status()).isEqualTo(404));
        assertThat(account.connection.handleWebhook(put)).isInstanceOfSatisfying(
                WebhookResult.Rejected.class, rejected -> assertThat(rejected.status()).isEqualTo(405));
    }

    @Test
    void a_notification_of_another_object_is_refused_naming_it() {
        WebhookResult result = account.connection.handleWebhook(signed("{\"object\":\"page\",\"entry\":[]}"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.reason()).contains("whatsapp_business_account").contains("'page'");
        });
    }

    @Test
    void a_message_without_id_is_refused_naming_the_field() {
        String noId = "{\"from\":\"" + SENDER + "\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                + "\"text\":{\"body\":\"hi\"}}";
        WebhookResult result = account.connection.handleWebhook(
                signed(notification(change(PHONE_NUMBER_ID, contact(SENDER, SENDER_NAME), noId, null))));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.reason()).contains("$.entry[0].changes[0].value.messages[0].id");
        });
    }

    @Test
    void a_body_larger_than_a_megabyte_is_refused_before_anything_else() {
        byte[] huge = new byte[WhatsappConnection.MAX_BODY_BYTES + 1];
        WebhookResult result = account.connection.handleWebhook(WebhookRequests.post("", Map.of(), huge));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(413));
    }

    // ---- messages ------------------------------------------------------------------------------------------

    @Test
    void a_text_carries_the_sender_as_e164_the_profile_name_and_the_providers_time() {
        InboundMessage message = single(account.deliver(textDelivery("wamid.text.1", "Where is my order?")));

        assertThat(message.externalId()).isEqualTo("wamid.text.1");
        assertThat(message.sender()).isEqualTo(Identity.phone("+16505551234"));
        assertThat(message.senderName()).isEqualTo(SENDER_NAME);
        assertThat(message.text()).isEqualTo("Where is my order?");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1739321024));
        assertThat(message.metadata()).containsEntry("whatsapp_type", "text");
        assertThat(account.context.pushed()).isEmpty();
    }

    @Test
    void a_user_who_hides_their_number_behind_a_username_is_kept_by_business_scoped_id() {
        String contact = "{\"profile\":{\"name\":\"Jane\",\"username\":\"@jane\"},"
                + "\"user_id\":\"US.13491208655302741918\"}";
        String message = "{\"from_user_id\":\"US.13491208655302741918\",\"id\":\"wamid.bsuid.1\","
                + "\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}";

        InboundMessage received = single(account.deliver(signed(notification(change(PHONE_NUMBER_ID, contact,
                message, null)))));

        assertThat(received.sender()).isEqualTo(new Identity(InboundMessageReader.WHATSAPP_USER_ID,
                "US.13491208655302741918"));
        assertThat(received.senderName()).isEqualTo("Jane");
    }

    @Test
    void a_business_scoped_id_next_to_the_number_is_linked_as_another_identity() {
        String message = "{\"from\":\"" + SENDER + "\",\"from_user_id\":\"US.13491208655302741918\","
                + "\"id\":\"wamid.bsuid.2\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Hi\"}}";

        InboundMessage received = single(account.deliver(signed(notification(change(PHONE_NUMBER_ID,
                contact(SENDER, SENDER_NAME), message, null)))));

        assertThat(received.sender()).isEqualTo(Identity.phone("+" + SENDER));
        assertThat(received.otherIdentities()).containsExactly(
                new Identity(InboundMessageReader.WHATSAPP_USER_ID, "US.13491208655302741918"));
    }

    @Test
    void a_message_without_any_sender_is_refused_naming_the_field() {
        String message = "{\"id\":\"wamid.nobody\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Hi\"}}";

        WebhookResult result = account.connection.handleWebhook(signed(notification(change(PHONE_NUMBER_ID, null,
                message, null))));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("messages[0].from"));
    }

    @Test
    void an_image_is_downloaded_with_the_access_token_and_attached_with_its_caption() throws Exception {
        scriptMedia(MEDIA_ID, "image/jpeg", JPEG, sha256Hex(JPEG));

        InboundMessage message = single(account.deliver(mediaDelivery("wamid.image.1", "image",
                "{\"caption\":\"My broken lamp\",\"mime_type\":\"image/jpeg\",\"sha256\":\"" + sha256Hex(JPEG)
                        + "\",\"id\":\"" + MEDIA_ID + "\"}")));

        assertThat(message.text()).isEqualTo("My broken lamp");
        assertThat(message.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("image-" + MEDIA_ID + ".jpg");
            assertThat(file.contentType()).isEqualTo("image/jpeg");
            assertThat(file.content()).isEqualTo(JPEG);
        });
        assertThat(message.metadata()).containsEntry("media_id", MEDIA_ID);
        List<RecordedRequest> requests = account.provider.requests();
        assertThat(requests).extracting(RecordedRequest::path)
                .containsExactly(WhatsappAccount.graph(MEDIA_ID), "/whatsapp_business/attachments/");
        assertThat(requests).allSatisfy(request ->
                assertThat(request.header("Authorization")).contains("Bearer " + ACCESS_TOKEN));
    }

    @Test
    void a_document_keeps_the_name_the_customer_gave_it() {
        byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
        scriptMedia("1003383421387256", "application/pdf", pdf, null);

        InboundMessage message = single(account.deliver(mediaDelivery("wamid.doc.1", "document",
                "{\"filename\":\"invoice-4711.pdf\",\"mime_type\":\"application/pdf\",\"id\":\"1003383421387256\"}")));

        assertThat(message.text()).isEmpty();
        assertThat(message.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("invoice-4711.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(file.content()).isEqualTo(pdf);
        });
    }

    @Test
    void a_file_that_does_not_match_its_hash_is_kept_out_with_a_note() throws Exception {
        scriptMedia(MEDIA_ID, "image/jpeg", JPEG, sha256Hex("something else".getBytes(StandardCharsets.UTF_8)));

        InboundMessage message = single(account.deliver(mediaDelivery("wamid.image.2", "image",
                "{\"mime_type\":\"image/jpeg\",\"id\":\"" + MEDIA_ID + "\"}")));

        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).isEqualTo("[image could not be downloaded]");
        assertThat(message.metadata().get("media_error")).contains("SHA-256");
    }

    @Test
    void a_file_larger_than_the_cap_is_not_even_fetched() {
        account.provider.always("GET", WhatsappAccount.graph(MEDIA_ID), Answer.json(200,
                "{\"messaging_product\":\"whatsapp\",\"url\":\"" + account.provider.baseUrl()
                        + "/whatsapp_business/attachments/?mid=" + MEDIA_ID + "\",\"mime_type\":\"video/mp4\","
                        + "\"file_size\":\"" + (MediaDownloader.MAX_BYTES + 1) + "\",\"id\":\"" + MEDIA_ID + "\"}"));

        InboundMessage message = single(account.deliver(mediaDelivery("wamid.video.1", "video",
                "{\"caption\":\"Unboxing\",\"mime_type\":\"video/mp4\",\"id\":\"" + MEDIA_ID + "\"}")));

        assertThat(message.text()).isEqualTo("Unboxing\n[video could not be downloaded]");
        assertThat(message.metadata().get("media_error")).contains("larger than 25 MB");
        assertThat(account.provider.requests()).hasSize(1);
    }

    @Test
    void a_media_description_that_fails_keeps_the_message_with_a_note() {
        account.provider.always("GET", WhatsappAccount.graph(MEDIA_ID), Answer.json(400,
                WhatsappScenario.graphError("(#100) Invalid parameter", 100, "Media expired")));

        InboundMessage message = single(account.deliver(mediaDelivery("wamid.audio.1", "audio",
                "{\"mime_type\":\"audio/ogg; codecs=opus\",\"voice\":true,\"id\":\"" + MEDIA_ID + "\"}")));

        assertThat(message.externalId()).isEqualTo("wamid.audio.1");
        assertThat(message.text()).isEqualTo("[audio could not be downloaded]");
        assertThat(message.metadata()).containsEntry("voice", "true");
        assertThat(message.metadata().get("media_error")).contains("Media expired");
    }

    @Test
    void a_location_keeps_its_coordinates_as_written_in_metadata() {
        InboundMessage message = single(account.deliver(signed(notification(change(PHONE_NUMBER_ID,
                contact(SENDER, SENDER_NAME), message("wamid.loc.1", SENDER, "1739321024", "location",
                        "\"location\":{\"latitude\":37.44221496582,\"longitude\":-122.16138458252}"), null)))));

        assertThat(message.text()).isEqualTo("37.44221496582,-122.16138458252");
        assertThat(message.metadata()).containsEntry("latitude", "37.44221496582")
                .containsEntry("longitude", "-122.16138458252");
    }

    @Test
    void an_interactive_reply_keeps_the_reply_id_and_the_message_it_answers() {
        String context = "\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.our.question\"},";
        InboundMessage message = single(account.deliver(signed(notification(change(PHONE_NUMBER_ID,
                contact(SENDER, SENDER_NAME), message("wamid.ir.1", SENDER, "1739321024", "interactive", context
                        + "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"change-button\","
                        + "\"title\":\"Change\"}}"), null)))));

        assertThat(message.text()).isEqualTo("Change");
        assertThat(message.metadata()).containsEntry("reply_id", "change-button")
                .containsEntry("interactive_type", "button_reply")
                .containsEntry("context_id", "wamid.our.question");
    }

    @Test
    void a_reaction_is_the_emoji_with_the_message_it_reacts_to() {
        InboundMessage message = single(account.deliver(reaction("wamid.react.1", "\\u2764\\ufe0f")));

        assertThat(message.text()).isEqualTo("\u2764\ufe0f");
        assertThat(message.metadata()).containsEntry("reaction_to", "wamid.our.reply");
    }

    @Test
    void a_withdrawn_reaction_says_so() {
        InboundMessage message = single(account.deliver(reaction("wamid.react.2", "")));

        assertThat(message.text()).isEqualTo("[reaction removed]");
        assertThat(message.metadata()).containsEntry("reaction_removed", "true")
                .containsEntry("reaction_to", "wamid.our.reply");
    }

    @Test
    void a_type_this_connector_does_not_know_becomes_a_note() {
        InboundMessage message = single(account.deliver(signed(notification(change(PHONE_NUMBER_ID,
                contact(SENDER, SENDER_NAME), message("wamid.order.1", SENDER, "1739321024", "order",
                        "\"order\":{\"catalog_id\":\"1\",\"product_items\":[]}"), null)))));

        assertThat(message.text()).isEqualTo("[unsupported WhatsApp message type: order]");
        assertThat(message.metadata()).containsEntry("unsupported_type", "order");
    }

    // ---- statuses ------------------------------------------------------------------------------------------

    @Test
    void statuses_keep_the_providers_time_and_a_played_voice_note_counts_as_read() {
        List<InboundEvent> events = account.deliver(signed(notification(change(PHONE_NUMBER_ID, null, null,
                status("wamid.out.1", "played", "1750263780", SENDER, null) + ","
                        + status("wamid.out.2", "deleted", "1750263781", SENDER, null)))));

        assertThat(events).singleElement().isEqualTo(new StatusUpdate("wamid.out.1", DeliveryStatus.READ, null,
                Instant.ofEpochSecond(1750263780)));
    }

    @Test
    void a_failed_status_without_errors_still_has_a_reason() {
        List<InboundEvent> events = account.deliver(signed(notification(change(PHONE_NUMBER_ID, null, null,
                status("wamid.out.3", "failed", "1750263780", SENDER, null)))));

        assertThat(events).singleElement().isInstanceOfSatisfying(StatusUpdate.class, update -> {
            assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(update.reason()).isNotBlank();
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void scriptMedia(String mediaId, String mimeType, byte[] content, String sha256) {
        account.provider.always("GET", WhatsappAccount.graph(mediaId), Answer.json(200,
                "{\"messaging_product\":\"whatsapp\",\"url\":\"" + account.provider.baseUrl()
                        + "/whatsapp_business/attachments/?mid=" + mediaId + "&ext=1739321024&hash=ATu\","
                        + "\"mime_type\":\"" + mimeType + "\","
                        + (sha256 == null ? "" : "\"sha256\":\"" + sha256 + "\",")
                        + "\"file_size\":\"" + content.length + "\",\"id\":\"" + mediaId + "\"}"));
        account.provider.always("GET", "/whatsapp_business/attachments/",
                new Answer(200, mimeType, content, Map.of()));
    }

    private static WebhookRequest textDelivery(String id, String text) {
        return signed(notification(change(PHONE_NUMBER_ID, contact(SENDER, SENDER_NAME),
                message(id, SENDER, "1739321024", "text", "\"text\":{\"body\":\"" + text + "\"}"), null)));
    }

    private static WebhookRequest mediaDelivery(String id, String type, String mediaJson) {
        return signed(notification(change(PHONE_NUMBER_ID, contact(SENDER, SENDER_NAME),
                message(id, SENDER, "1739321024", type, "\"" + type + "\":" + mediaJson), null)));
    }

    private static WebhookRequest reaction(String id, String emojiJson) {
        return signed(notification(change(PHONE_NUMBER_ID, contact(SENDER, SENDER_NAME),
                message(id, SENDER, "1739321024", "reaction", "\"reaction\":{\"message_id\":\"wamid.our.reply\""
                        + (emojiJson.isEmpty() ? "" : ",\"emoji\":\"" + emojiJson + "\"") + "}"), null)));
    }

    private static InboundMessage single(List<InboundEvent> events) {
        assertThat(events).hasSize(1).first().isInstanceOf(InboundMessage.class);
        return (InboundMessage) events.getFirst();
    }

    private static String sha256Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
