package org.switchboard.plugins.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.WebhookRequests;

/** Telegram updates beyond plain text, with media fetched from a stubbed Bot API. */
class TelegramInboundTest {

    private static final byte[] PDF = "%PDF-1.4 test document".getBytes(StandardCharsets.US_ASCII);

    private final TelegramAccount account = new TelegramAccount();

    @AfterEach
    void close() {
        account.close();
    }

    private void fileOnTelegram(String filePath, byte[] content) {
        account.telegram.always("POST", TelegramAccount.API + "getFile", Answer.json(200,
                "{\"ok\":true,\"result\":{\"file_id\":\"AwADBAADbXXXXXXXXXXXGBdhD2l6_XX\","
                        + "\"file_unique_id\":\"AgADbX\","
                        + "\"file_size\":" + content.length + ",\"file_path\":\"" + filePath + "\"}}"));
        account.telegram.always("GET", "/file/bot" + TelegramScenario.BOT_TOKEN + "/" + filePath,
                new Answer(200, "application/octet-stream", content, Map.of()));
    }

    private RecordedRequest getFileRequest() {
        return account.telegram.requests().stream().filter(r -> r.path().endsWith("/getFile")).findFirst()
                .orElseThrow(() -> new AssertionError("getFile was not called"));
    }

    @Test
    void a_document_is_downloaded_through_get_file_and_keeps_its_name_and_type() {
        fileOnTelegram("documents/file_3.pdf", PDF);

        InboundMessage message = account.acceptOne(TelegramScenario.GUIDE_DOCUMENT);

        assertThat(message.externalId()).isEqualTo("1111111:1365");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("Testfile.pdf");
            assertThat(attachment.contentType()).isEqualTo("application/pdf");
            assertThat(attachment.content()).isEqualTo(PDF);
        });
        assertThat(getFileRequest().bodyAsString()).contains("\"file_id\":\"AwADBAADbXXXXXXXXXXXGBdhD2l6_XX\"");
        assertThat(message.metadata()).containsEntry("mediaType", "document");
    }

    @Test
    void a_voice_note_is_named_after_telegrams_file_path() {
        byte[] ogg = {0x4f, 0x67, 0x67, 0x53, 1, 2, 3};
        fileOnTelegram("voice/file_2.oga", ogg);

        InboundMessage message = account.acceptOne(TelegramScenario.GUIDE_VOICE);

        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("file_2.oga");
            assertThat(attachment.contentType()).isEqualTo("audio/ogg");
            assertThat(attachment.content()).isEqualTo(ogg);
        });
        assertThat(message.text()).isEmpty();
    }

    @Test
    void of_a_photos_sizes_the_largest_is_fetched_and_the_caption_is_the_text() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 9, 9};
        fileOnTelegram("photos/file_0.jpg", jpeg);

        InboundMessage message = account.acceptOne("{\"update_id\":10005,\"message\":{\"message_id\":1400,"
                + "\"from\":{\"id\":1111111,\"is_bot\":false,\"first_name\":\"Test Firstname\"},"
                + "\"chat\":{\"id\":1111111,\"first_name\":\"Test Firstname\",\"type\":\"private\"},"
                + "\"date\":1441645532,\"photo\":["
                + "{\"file_id\":\"small\",\"file_unique_id\":\"s\",\"file_size\":1200,\"width\":90,\"height\":67},"
                + "{\"file_id\":\"large\",\"file_unique_id\":\"l\",\"file_size\":52000,\"width\":1280,\"height\":960},"
                + "{\"file_id\":\"medium\",\"file_unique_id\":\"m\",\"file_size\":18000,\"width\":320,\"height\":240}"
                + "],\"caption\":\"The parcel arrived like this\"}}");

        assertThat(getFileRequest().bodyAsString()).contains("\"file_id\":\"large\"");
        assertThat(message.text()).isEqualTo("The parcel arrived like this");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("file_0.jpg");
            assertThat(attachment.contentType()).isEqualTo("image/jpeg");
        });
    }

    @Test
    void a_file_that_cannot_be_downloaded_keeps_the_message_with_a_note_and_no_token() {
        account.telegram.always("POST", TelegramAccount.API + "getFile", Answer.json(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: file is too big\"}"));

        InboundMessage message = account.acceptOne(TelegramScenario.GUIDE_DOCUMENT.replace(
                "\"document\"", "\"caption\":\"My invoice\",\"document\""));

        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).startsWith("My invoice\n[document could not be downloaded from Telegram: ")
                .contains("file is too big");
        assertThat(message.metadata().get("attachmentError")).contains("file is too big");
    }

    @Test
    void a_failed_download_names_no_bot_token_even_when_the_server_echoes_the_path() {
        account.telegram.always("POST", TelegramAccount.API + "getFile", request -> Answer.text(502,
                "<html>Bad gateway for " + request.path() + "</html>"));

        InboundMessage message = account.acceptOne(TelegramScenario.GUIDE_VOICE);

        assertThat(message.text()).contains("502").doesNotContain(TelegramScenario.BOT_TOKEN)
                .contains("<bot-token>");
    }

    @Test
    void an_edit_becomes_a_new_message_marked_as_edited() {
        InboundMessage message = account.acceptOne(TelegramScenario.GUIDE_EDITED);

        assertThat(message.externalId()).isEqualTo("1111111:1365:edit:1441646600");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1441646600));
        assertThat(message.metadata()).containsEntry("edited", "true")
                .containsEntry("originalExternalId", "1111111:1365");
    }

    @Test
    void a_location_keeps_its_coordinates_in_metadata() {
        InboundMessage message = account.acceptOne(TelegramScenario.LOCATION);

        assertThat(message.text()).isEqualTo("52.520008,13.404954");
        assertThat(message.metadata()).containsEntry("latitude", "52.520008").containsEntry("longitude", "13.404954");
    }

    @Test
    void someone_elses_contact_card_is_text_but_not_an_identity_of_the_customer() {
        InboundMessage message = account.acceptOne(TelegramScenario.OWN_CONTACT.replace("\"user_id\":1111111",
                "\"user_id\":2222222").replace("\"first_name\":\"Test Firstname\",\"user_id\"",
                "\"first_name\":\"Bob\",\"last_name\":\"Builder\",\"user_id\""));

        assertThat(message.text()).isEqualTo("Contact: Bob Builder, +4915112345678");
        assertThat(message.otherIdentities()).isEmpty();
        assertThat(message.metadata()).containsEntry("contactPhone", "+4915112345678");
    }

    @Test
    void the_sender_name_falls_back_to_the_username_and_metadata_keeps_user_facts() {
        InboundMessage message = account.acceptOne("{\"update_id\":1,\"message\":{\"message_id\":5,"
                + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"\",\"username\":\"ada_l\","
                + "\"language_code\":\"de\"},\"chat\":{\"id\":42,\"username\":\"ada_l\",\"type\":\"private\"},"
                + "\"date\":1441645532,\"text\":\"hallo\"}}");

        assertThat(message.senderName()).isEqualTo("ada_l");
        assertThat(message.sender().value()).isEqualTo("42");
        assertThat(message.metadata()).containsEntry("telegramUserId", "42")
                .containsEntry("telegramUsername", "ada_l").containsEntry("languageCode", "de");
    }

    @Test
    void group_chats_and_service_messages_are_answered_without_events() {
        assertThat(account.accept(TelegramScenario.signed(TelegramScenario.GROUP_TEXT))).isEmpty();
        assertThat(account.accept(TelegramScenario.signed("{\"update_id\":7,\"message\":{\"message_id\":9,"
                + "\"chat\":{\"id\":1111111,\"type\":\"private\"},\"date\":1441645532,"
                + "\"pinned_message\":{\"message_id\":8,\"chat\":{\"id\":1111111,\"type\":\"private\"},"
                + "\"date\":1441645000,\"text\":\"old\"}}}"))).isEmpty();
    }

    @Test
    void requests_that_are_not_updates_are_refused_with_reasons() {
        assertThat(account.reject(TelegramScenario.signed("[1,2,3]")).status()).isEqualTo(400);
        assertThat(account.reject(TelegramScenario.signed("{\"message\":{}}")).reason()).contains("update_id");
        assertThat(account.reject(TelegramScenario.signed("{\"update_id\":1,\"message\":{\"message_id\":2,"
                + "\"date\":3}}")).reason()).contains("chat");
        assertThat(account.reject(WebhookRequests.get("", "", Map.of(TelegramScenario.SECRET_HEADER,
                TelegramScenario.WEBHOOK_SECRET))).status()).isEqualTo(405);
        assertThat(account.reject(WebhookRequests.post("/status", Map.of(TelegramScenario.SECRET_HEADER,
                TelegramScenario.WEBHOOK_SECRET), TelegramScenario.GUIDE_TEXT)).status()).isEqualTo(404);
    }

    @Test
    void an_attachment_fetched_twice_for_a_redelivery_has_the_same_external_id() {
        fileOnTelegram("documents/file_3.pdf", PDF);

        InboundMessage first = account.acceptOne(TelegramScenario.GUIDE_DOCUMENT);
        InboundMessage again = account.acceptOne(TelegramScenario.GUIDE_DOCUMENT);

        assertThat(again.externalId()).isEqualTo(first.externalId());
        assertThat(again.attachments()).extracting(Attachment::fileName).containsExactly("Testfile.pdf");
    }
}
