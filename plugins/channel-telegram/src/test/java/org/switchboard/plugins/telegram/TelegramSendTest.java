package org.switchboard.plugins.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;

/** Outbound messages against a stubbed Bot API, with the answers its documentation lists. */
class TelegramSendTest {

    private static final Identity CUSTOMER = new Identity(TelegramScenario.TELEGRAM, "1111111");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1};

    private final TelegramAccount account = new TelegramAccount();

    @AfterEach
    void close() {
        account.close();
    }

    private static OutboundMessage message(Identity to, String text, List<Attachment> attachments) {
        return new OutboundMessage("m-1", "c-1", to, "Agent Smith", text, null, attachments, ThreadingHints.NONE);
    }

    private static Answer sent(long messageId) {
        return Answer.json(200, "{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"chat\":{\"id\":1111111,"
                + "\"type\":\"private\"},\"date\":1441645600}}");
    }

    private RecordedRequest callOf(String method) {
        return account.telegram.requests().stream().filter(r -> r.path().endsWith("/" + method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " was not called"));
    }

    @Test
    void text_goes_to_send_message_with_the_numeric_chat_id() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage", sent(99));

        SendResult result = account.connection.send(message(CUSTOMER, "Your order ships today.", List.of()));

        assertThat(result).isEqualTo(SendResult.sent("1111111:99"));
        RecordedRequest request = callOf("sendMessage");
        assertThat(request.header("Content-Type")).hasValue("application/json");
        JsonObject body = Json.parse(request.bodyAsString()).asObject();
        assertThat(body.get("chat_id").isNumber()).isTrue();
        assertThat(body.get("chat_id").asLong()).isEqualTo(1111111L);
        assertThat(body.getString("text", null)).isEqualTo("Your order ships today.");
    }

    @Test
    void rate_limit_is_retryable_after_telegrams_retry_after() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage", Answer.json(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                        + "\"parameters\":{\"retry_after\":7}}"));

        SendResult result = account.connection.send(message(CUSTOMER, "hi", List.of()));

        assertThat(result).isEqualTo(new SendResult.Failed(
                "Telegram refused the message (HTTP 429): Too Many Requests: retry after 7", true,
                Duration.ofSeconds(7)));
    }

    @Test
    void a_server_error_is_retryable() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage", Answer.json(502,
                "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"));

        SendResult result = account.connection.send(message(CUSTOMER, "hi", List.of()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("Bad Gateway");
        });
    }

    @Test
    void chat_not_found_is_permanent_with_telegrams_description() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage", Answer.json(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));

        SendResult result = account.connection.send(message(CUSTOMER, "hi", List.of()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("Bad Request: chat not found");
        });
    }

    @Test
    void an_unreachable_telegram_is_retryable_and_the_reason_names_no_token() throws Exception {
        ProviderStub gone = ProviderStub.start();
        var config = new java.util.HashMap<>(new TelegramScenario().config(gone.baseUrl()));
        gone.close(); // nothing listens on its port any more
        try (var plugin = new org.switchboard.plugin.testkit.TestPluginContext("t")) {
            var connection = new TelegramConnector().open(new org.switchboard.plugin.testkit.TestConnectionContext(
                    config, TelegramAccount.WEBHOOK_URL, plugin));
            SendResult result = connection.send(message(CUSTOMER, "hi", List.of()));
            connection.close();

            assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.reason()).startsWith("Telegram could not be reached")
                        .doesNotContain(TelegramScenario.BOT_TOKEN);
            });
        }
    }

    @Test
    void an_error_page_echoing_the_url_is_reported_without_the_token() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage",
                new Answer(404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8),
                        java.util.Map.of()));
        account.telegram.always("POST", "/bot", request -> Answer.text(404, "no route " + request.path()));

        SendResult result = account.connection.send(message(CUSTOMER, "hi", List.of()));
        SendResult again = account.connection.send(message(CUSTOMER, "hi", List.of()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThat(((SendResult.Failed) again).reason()).contains("no route /bot<bot-token>/sendMessage")
                .doesNotContain(TelegramScenario.BOT_TOKEN);
    }

    @Test
    void one_image_with_short_text_is_one_photo_with_a_caption() {
        account.telegram.once("POST", TelegramAccount.API + "sendPhoto", sent(100));

        SendResult result = account.connection.send(message(CUSTOMER, "Here is the label",
                List.of(new Attachment("label.png", "image/png", PNG, false, null))));

        assertThat(result).isEqualTo(SendResult.sent("1111111:100"));
        RecordedRequest upload = callOf("sendPhoto");
        assertThat(upload.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("multipart/form-data; boundary="));
        String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"chat_id\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n1111111\r\n")
                .contains("name=\"caption\"").contains("Here is the label")
                .contains("name=\"photo\"; filename=\"label.png\"\r\nContent-Type: image/png\r\n\r\n")
                .contains(new String(PNG, StandardCharsets.ISO_8859_1));
        assertThat(account.telegram.requests()).noneMatch(r -> r.path().endsWith("/sendMessage"));
    }

    @Test
    void a_pdf_goes_as_a_document_and_long_text_first_as_its_own_message() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage", sent(101));
        account.telegram.once("POST", TelegramAccount.API + "sendDocument", sent(102));
        String longText = "x".repeat(1500);

        SendResult result = account.connection.send(message(CUSTOMER, longText,
                List.of(new Attachment("invoice.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII),
                        false, null))));

        assertThat(result).isEqualTo(SendResult.sent("1111111:101"));
        String body = callOf("sendDocument").bodyAsString();
        assertThat(body).contains("name=\"document\"; filename=\"invoice.pdf\"").doesNotContain("name=\"caption\"");
    }

    @Test
    void a_failed_later_part_says_that_a_retry_repeats_the_earlier_parts() {
        account.telegram.once("POST", TelegramAccount.API + "sendMessage", sent(101));
        account.telegram.once("POST", TelegramAccount.API + "sendDocument", Answer.json(500,
                "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}"));

        SendResult result = account.connection.send(message(CUSTOMER, "x".repeat(1500),
                List.of(new Attachment("a.pdf", "application/pdf", new byte[] {1}, false, null))));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("part 2 of 2").contains("a retry sends them again");
        });
    }

    @Test
    void what_telegram_cannot_carry_is_refused_before_calling_it() {
        assertThat(account.connection.send(message(Identity.email("a@example.com"), "hi", List.of())))
                .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isFalse());
        assertThat(account.connection.send(message(CUSTOMER, "x".repeat(4097), List.of())))
                .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.reason()).contains("4096"));
        assertThat(account.connection.send(message(CUSTOMER, " ", List.of())))
                .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isFalse());
        assertThat(account.telegram.requests()).noneMatch(r -> r.path().contains("/send"));
    }
}
