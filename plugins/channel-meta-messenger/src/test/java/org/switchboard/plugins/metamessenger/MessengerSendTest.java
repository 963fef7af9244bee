package org.switchboard.plugins.metamessenger;

import static org.assertj.core.api.Assertions.assertThat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugins.metamessenger.scenario.MessengerScenario;

class MessengerSendTest {

    private static final Identity CUSTOMER = new Identity(new IdentityKind("messenger-psid"), "6512049874302911");
    private Testbed bed;
    private String messagesPath;

    private void open(Map<String, String> overrides) throws Exception {
        bed = new Testbed(new MessengerConnector(), new MessengerScenario(), overrides);
        messagesPath = bed.scenario.messagesPath();
    }

    private void open() throws Exception {
        open(Map.of());
    }

    @AfterEach
    void close() {
        if (bed != null) {
            bed.close();
        }
    }

    private static OutboundMessage reply(String text, Attachment... attachments) {
        return new OutboundMessage("host-msg-1", "conv-1", CUSTOMER, "Agent Smith", text, null, List.of(attachments),
                ThreadingHints.NONE);
    }

    private static Attachment png() {
        return new Attachment("label.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, false, null);
    }

    @Test
    void a_text_reply_is_posted_as_the_send_api_documents_with_the_token_in_a_header() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(200, MessengerScenario.acceptedAnswer("m_sent_1")));

        SendResult result = bed.connection.send(reply("Your order ships today."));

        assertThat(result).isEqualTo(SendResult.sent("m_sent_1"));
        RecordedRequest request = bed.meta.takeRequest(1);
        assertThat(request.path()).isEqualTo("/v21.0/" + MessengerScenario.PAGE_ID + "/messages");
        assertThat(request.query()).isNull();
        assertThat(request.header("Authorization")).contains("Bearer " + MessengerScenario.PAGE_ACCESS_TOKEN);
        JsonObject body = Json.parse(Testbed.body(request)).asObject();
        assertThat(body.get("recipient").asObject().getString("id", "")).isEqualTo(CUSTOMER.value());
        assertThat(body.getString("messaging_type", "")).isEqualTo("RESPONSE");
        assertThat(body.get("message").asObject().getString("text", "")).isEqualTo("Your order ships today.");
    }

    @Test
    void a_file_is_uploaded_as_filedata_before_the_text_and_the_texts_id_is_returned() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(200, MessengerScenario.acceptedAnswer("m_file")));
        bed.meta.always("POST", messagesPath, Answer.json(200, MessengerScenario.acceptedAnswer("m_text")));

        SendResult result = bed.connection.send(reply("Here is your label.", png()));

        assertThat(result).isEqualTo(SendResult.sent("m_text"));
        RecordedRequest upload = bed.meta.takeRequest(1);
        assertThat(upload.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("multipart/form-data; boundary="));
        String form = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(form).contains("name=\"recipient\"").contains("{\"id\":\"" + CUSTOMER.value() + "\"}")
                .contains("name=\"message\"").contains("\"type\":\"image\"")
                .contains("name=\"filedata\"; filename=\"label.png\"").contains("Content-Type: image/png")
                .contains("\u0089PNG\u0001\u0002\u0003");
        RecordedRequest text = bed.meta.takeRequest(1);
        assertThat(Testbed.body(text)).contains("\"text\":\"Here is your label.\"");
    }

    @Test
    void a_retry_after_the_text_failed_does_not_send_the_file_again() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(500, "{\"error\":{\"message\":\"An unexpected error has "
                + "occurred. Please retry your request later.\",\"type\":\"OAuthException\",\"code\":2,"
                + "\"is_transient\":true}}"));
        bed.meta.once("POST", messagesPath, Answer.json(200, MessengerScenario.acceptedAnswer("m_file")));

        SendResult first = bed.connection.send(reply("Here is your label.", png()));
        bed.meta.always("POST", messagesPath, Answer.json(200, MessengerScenario.acceptedAnswer("m_text")));
        int requestsBefore = bed.meta.requests().size();
        SendResult retry = bed.connection.send(reply("Here is your label.", png()));

        assertThat(first).isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isTrue());
        assertThat(retry).isEqualTo(SendResult.sent("m_text"));
        List<RecordedRequest> retried = bed.meta.requests().subList(requestsBefore, bed.meta.requests().size());
        assertThat(retried).singleElement().satisfies(r -> assertThat(Testbed.body(r)).contains("\"text\""));
    }

    @Test
    void outside_the_24_hour_window_is_permanent_with_a_clear_reason() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(400, "{\"error\":{\"message\":\"(#10) This message is sent "
                + "outside of allowed window.\",\"type\":\"OAuthException\",\"code\":10,\"error_subcode\":2018278,"
                + "\"fbtrace_id\":\"Hq9bXk\"}}"));

        SendResult result = bed.connection.send(reply("Still there?"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).startsWith("outside the 24-hour messaging window")
                    .contains("This message is sent outside of allowed window.");
        });
    }

    @Test
    void a_server_error_is_retryable_and_keeps_retry_after() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.text(503, "Service Unavailable").withHeader("Retry-After", "30"));

        SendResult result = bed.connection.send(reply("Hello"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(failed.reason()).contains("HTTP 503");
        });
    }

    @Test
    void a_page_rate_limit_reported_as_403_is_retryable() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(403, "{\"error\":{\"message\":\"(#32) Page request limit "
                + "reached\",\"type\":\"OAuthException\",\"code\":32}}"));

        SendResult result = bed.connection.send(reply("Hello"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void a_refused_token_makes_the_connection_unhealthy_until_a_send_succeeds_and_is_never_echoed()
            throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(400, "{\"error\":{\"message\":\"Invalid OAuth access token "
                + MessengerScenario.PAGE_ACCESS_TOKEN + ".\",\"type\":\"OAuthException\",\"code\":190}}"));

        SendResult refused = bed.connection.send(reply("Hello"));

        assertThat(refused).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("access token").doesNotContain(MessengerScenario.PAGE_ACCESS_TOKEN);
        });
        assertThat(bed.connection.health().healthy()).isFalse();
        assertThat(bed.connection.health().detail()).contains("access token")
                .doesNotContain(MessengerScenario.PAGE_ACCESS_TOKEN);

        bed.meta.once("POST", messagesPath, Answer.json(200, MessengerScenario.acceptedAnswer("m_ok")));
        bed.connection.send(reply("Hello again"));
        assertThat(bed.connection.health().healthy()).isTrue();
    }

    @Test
    void an_unreachable_meta_is_retryable() throws Exception {
        open(Map.of("apiBaseUrl", "http://127.0.0.1:1"));

        SendResult result = bed.connection.send(reply("Hello"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).startsWith("Meta could not be reached");
        });
    }

    @Test
    void a_text_longer_than_2000_characters_is_refused_without_calling_meta() throws Exception {
        open();
        SendResult result = bed.connection.send(reply("x".repeat(2001)));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("2001").contains("2000");
        });
        assertThat(bed.meta.requests()).isEmpty();
    }

    @Test
    void a_recipient_that_is_no_psid_is_refused() throws Exception {
        open();
        OutboundMessage toEmail = new OutboundMessage("m", "c", Identity.email("a@example.com"), "Agent", "Hi", null,
                List.of(), ThreadingHints.NONE);

        SendResult result = bed.connection.send(toEmail);

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("messenger-psid"));
        assertThat(bed.meta.requests()).isEmpty();
    }

    @Test
    void an_answer_without_message_id_is_not_retried_because_it_probably_went_out() throws Exception {
        open();
        bed.meta.once("POST", messagesPath, Answer.json(200, "{\"recipient_id\":\"6512049874302911\"}"));

        SendResult result = bed.connection.send(reply("Hello"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("probably delivered");
        });
    }
}
