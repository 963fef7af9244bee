package org.switchboard.plugins.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.whatsapp.WhatsappAccount.mediaUploadPath;
import static org.switchboard.plugins.whatsapp.WhatsappAccount.messagesPath;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.ACCESS_TOKEN;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.graphError;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.sendAccepted;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.TemplateMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;

class WhatsappSendTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] OGG = {'O', 'g', 'g', 'S', 0, 2};

    private final WhatsappAccount account = new WhatsappAccount();

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void a_text_is_posted_as_documented_with_the_bearer_token() {
        account.provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.sent.1")));

        SendResult result = account.connection.send(message(Identity.phone("+44 7700 900123"), "Hello *there*"));

        assertThat(result).isEqualTo(SendResult.sent("wamid.sent.1"));
        RecordedRequest request = account.provider.takeRequest(1);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v21.0/106540352242922/messages");
        assertThat(request.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(json(request)).isEqualTo(Json.parse("{\"messaging_product\":\"whatsapp\","
                + "\"recipient_type\":\"individual\",\"to\":\"447700900123\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Hello *there*\",\"preview_url\":false}}"));
    }

    @Test
    void a_template_is_sent_with_its_body_parameters_instead_of_the_text() {
        account.provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.tpl.1")));
        OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), "42", customer(), "Agent",
                "Hi Sheena, your order 4711 ships today.", null, List.of(), ThreadingHints.NONE,
                new TemplateMessage("order_update", "en_US", List.of("Sheena", "4711")));

        assertThat(account.connection.send(message)).isEqualTo(SendResult.sent("wamid.tpl.1"));

        JsonObject body = json(account.provider.takeRequest(1));
        assertThat(body.get("type").asString()).isEqualTo("template");
        assertThat(body.get("text")).isNull();
        assertThat(body.get("template")).isEqualTo(Json.parse("{\"name\":\"order_update\",\"language\":"
                + "{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\","
                + "\"text\":\"Sheena\"},{\"type\":\"text\",\"text\":\"4711\"}]}]}"));
    }

    @Test
    void a_template_without_parameters_has_no_components() {
        account.provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.tpl.2")));
        OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), "42", customer(), "Agent",
                "Hello World", null, List.of(), ThreadingHints.NONE,
                new TemplateMessage("hello_world", "en_US", List.of()));

        account.connection.send(message);

        assertThat(json(account.provider.takeRequest(1)).get("template"))
                .isEqualTo(Json.parse("{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}"));
    }

    @Test
    void an_image_is_uploaded_first_and_sent_by_id_with_the_text_as_caption() {
        account.provider.once("POST", mediaUploadPath(), Answer.json(200, "{\"id\":\"1037543291543636\"}"));
        account.provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.img.1")));

        SendResult result = account.connection.send(message(customer(), "Here is the label",
                new Attachment("label.png", "image/png", PNG, false, null)));

        assertThat(result).isEqualTo(SendResult.sent("wamid.img.1"));
        RecordedRequest upload = account.provider.takeRequest(1);
        assertThat(upload.path()).isEqualTo("/v21.0/106540352242922/media");
        assertThat(upload.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(upload.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("multipart/form-data; boundary="));
        String form = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(form).contains("name=\"messaging_product\"\r\n\r\nwhatsapp\r\n")
                .contains("name=\"type\"\r\n\r\nimage/png\r\n")
                .contains("name=\"file\"; filename=\"label.png\"\r\nContent-Type: image/png\r\n\r\n"
                        + new String(PNG, StandardCharsets.ISO_8859_1) + "\r\n");
        JsonObject send = json(account.provider.takeRequest(1));
        assertThat(send.get("type").asString()).isEqualTo("image");
        assertThat(send.get("image")).isEqualTo(Json.parse("{\"id\":\"1037543291543636\","
                + "\"caption\":\"Here is the label\"}"));
    }

    @Test
    void a_document_carries_its_file_name() {
        account.provider.once("POST", mediaUploadPath(), Answer.json(200, "{\"id\":\"555\"}"));
        account.provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.doc.1")));

        account.connection.send(message(customer(), "",
                new Attachment("invoice.pdf", "application/pdf", new byte[] {'%', 'P'}, false, null)));

        account.provider.takeRequest(1);
        assertThat(json(account.provider.takeRequest(1)).get("document"))
                .isEqualTo(Json.parse("{\"id\":\"555\",\"filename\":\"invoice.pdf\"}"));
    }

    @Test
    void text_with_audio_goes_first_on_its_own_because_audio_has_no_caption() {
        // once() puts an answer before all others, so the answer wanted first is scripted last
        ProviderStub provider = account.provider;
        provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.audio.second")));
        provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.text.first")));
        provider.once("POST", mediaUploadPath(), Answer.json(200, "{\"id\":\"777\"}"));

        SendResult result = account.connection.send(message(customer(), "Listen to this",
                new Attachment("note.ogg", "audio/ogg", OGG, false, null)));

        assertThat(result).isEqualTo(SendResult.sent("wamid.text.first"));
        assertThat(provider.takeRequest(1).path()).endsWith("/media");
        assertThat(json(provider.takeRequest(1)).get("type").asString()).isEqualTo("text");
        assertThat(json(provider.takeRequest(1)).get("audio")).isEqualTo(Json.parse("{\"id\":\"777\"}"));
    }

    @Test
    void a_retry_after_a_failed_second_part_does_not_send_the_first_again() {
        ProviderStub provider = account.provider;
        provider.always("POST", mediaUploadPath(), Answer.json(200, "{\"id\":\"777\"}"));
        // once() puts an answer before all others, so the answer wanted first is scripted last
        provider.once("POST", messagesPath(), Answer.json(503, graphError("Service unavailable", 2, "try later")));
        provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.text.first")));
        OutboundMessage message = message(customer(), "Listen to this",
                new Attachment("note.ogg", "audio/ogg", OGG, false, null));

        SendResult first = account.connection.send(message);

        assertThat(first).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("Part 2 of 2");
        });
        provider.once("POST", messagesPath(), Answer.json(200, sendAccepted("wamid.audio.second")));
        SendResult retry = account.connection.send(message);

        assertThat(retry).isEqualTo(SendResult.sent("wamid.text.first"));
        List<String> types = provider.requests().stream().filter(r -> r.path().endsWith("/messages"))
                .map(r -> json(r).get("type").asString()).toList();
        assertThat(types).containsExactly("text", "audio", "audio");
    }

    @Test
    void a_closed_reply_window_is_permanent_and_says_to_use_a_template() {
        account.provider.once("POST", messagesPath(), Answer.json(400, graphError("(#131047) Re-engagement message",
                131047, "Message failed to send because more than 24 hours have passed since the customer last "
                        + "replied to this number.")));

        SendResult result = account.connection.send(message(customer(), "Are you still there?"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("24 hours").contains("template").contains("131047");
        });
    }

    @Test
    void server_errors_and_throughput_codes_are_retryable_with_retry_after() {
        account.provider.once("POST", messagesPath(), Answer.json(500, graphError("An unknown error occurred", 1,
                "Unknown")));
        assertThat(account.connection.send(message(customer(), "a"))).isInstanceOfSatisfying(
                SendResult.Failed.class, failed -> assertThat(failed.retryable()).isTrue());

        account.provider.once("POST", messagesPath(), Answer.json(400, graphError("(#131056) (Business Account, "
                + "Consumer Account) pair rate limit hit", 131056, "Too many messages to this number")));
        assertThat(account.connection.send(message(customer(), "b"))).isInstanceOfSatisfying(
                SendResult.Failed.class, failed -> assertThat(failed.retryable()).isTrue());

        account.provider.once("POST", messagesPath(), Answer.json(429, graphError("(#80007) Rate limit issues",
                80007, "Rate limit hit")).withHeader("Retry-After", "30"));
        assertThat(account.connection.send(message(customer(), "c"))).isInstanceOfSatisfying(
                SendResult.Failed.class, failed -> {
                    assertThat(failed.retryable()).isTrue();
                    assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void an_expired_token_is_permanent_with_metas_message_and_without_the_token() {
        account.provider.once("POST", messagesPath(), Answer.json(401, graphError("Error validating access token: "
                + "Session has expired on Friday, 13-Nov-26 10:00:00 PST.", 190, "Token " + ACCESS_TOKEN
                + " expired")));

        SendResult result = account.connection.send(message(customer(), "x"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("Error validating access token").doesNotContain(ACCESS_TOKEN);
        });
    }

    @Test
    void an_unreachable_provider_is_retryable() {
        account.provider.close(); // nothing listens on its port any more

        SendResult result = account.connection.send(message(customer(), "x"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void a_provider_that_does_not_answer_in_time_is_retryable_and_does_not_hold_the_sender() {
        account.provider.always("POST", messagesPath(), request -> {
            sleep(Duration.ofSeconds(5));
            return Answer.json(200, sendAccepted("wamid.too.late"));
        });
        GraphApi graph = new GraphApi(account.plugin.httpClient(), WhatsappSettings.from(account.context.config()));
        MessageSender sender = new MessageSender(graph, WhatsappScenario.PHONE_NUMBER_ID,
                account.plugin.logger(), Duration.ofSeconds(1));

        long started = System.nanoTime();
        SendResult result = sender.send(message(customer(), "x"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("did not answer in time");
        });
    }

    @Test
    void an_answer_without_message_id_is_not_reported_as_sent() {
        account.provider.once("POST", messagesPath(), Answer.json(200, "{\"messaging_product\":\"whatsapp\"}"));

        assertThat(account.connection.send(message(customer(), "x"))).isInstanceOfSatisfying(
                SendResult.Failed.class, failed -> assertThat(failed.reason()).contains("without a message id"));
    }

    @Test
    void a_recipient_that_is_not_a_phone_is_refused_without_calling_meta() {
        SendResult result = account.connection.send(message(Identity.email("sheena@example.com"), "x"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThat(account.provider.requests()).isEmpty();
    }

    private static Identity customer() {
        return Identity.phone("+16505551234");
    }

    private static OutboundMessage message(Identity to, String text, Attachment... files) {
        return new OutboundMessage(UUID.randomUUID().toString(), "42", to, "Agent Smith", text, null,
                List.of(files), ThreadingHints.NONE);
    }

    private static JsonObject json(RecordedRequest request) {
        return Json.parse(request.bodyAsString()).asObject();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
