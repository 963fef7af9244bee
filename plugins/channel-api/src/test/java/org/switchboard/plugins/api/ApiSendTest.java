package org.switchboard.plugins.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.TemplateMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

class ApiSendTest {

    private final ApiAccount account = new ApiAccount();

    @AfterEach
    void close() {
        account.close();
    }

    private static OutboundMessage message(List<Attachment> attachments, TemplateMessage template) {
        return new OutboundMessage("msg-1", "conv-9", Identity.phone("+4930123"), "Agent Smith", "Hello",
                "<p>Hello</p>", attachments, new ThreadingHints("Your call", null, null, List.of()), template);
    }

    private SendResult sendWith(Answer answer) {
        account.callback.once("POST", ApiScenario.CALLBACK_PATH, answer);
        return account.connection.send(message(List.of(), null));
    }

    @Test
    void the_callback_gets_the_canonical_message_signed_so_the_receiver_can_verify_it() {
        account.callback.once("POST", ApiScenario.CALLBACK_PATH, Answer.json(200, "{}"));

        SendResult result = account.connection.send(message(
                List.of(new Attachment("a.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8), false, null)),
                new TemplateMessage("visit_reminder", "en", List.of("Monday"))));

        assertThat(result).isEqualTo(SendResult.sent("msg-1"));
        RecordedRequest request = account.callback.takeRequest(5);
        String timestamp = request.header("X-Switchboard-Timestamp").orElseThrow();
        assertThat(timestamp).isEqualTo(Long.toString(ApiAccount.NOW.getEpochSecond()));
        assertThat(request.header("X-Switchboard-Signature"))
                .hasValue(ApiScenario.signature(ApiScenario.SIGNING_SECRET, timestamp, request.body()));
        assertThat(request.header("Idempotency-Key")).hasValue("msg-1");
        JsonObject body = Json.parse(request.bodyAsString()).asObject();
        assertThat(body.getString("id", null)).isEqualTo("msg-1");
        assertThat(body.getString("conversationId", null)).isEqualTo("conv-9");
        assertThat(body.get("to").asObject().getString("kind", null)).isEqualTo("phone");
        assertThat(body.get("to").asObject().getString("value", null)).isEqualTo("+4930123");
        assertThat(body.getString("authorName", null)).isEqualTo("Agent Smith");
        assertThat(body.getString("text", null)).isEqualTo("Hello");
        assertThat(body.getString("html", null)).isEqualTo("<p>Hello</p>");
        assertThat(body.getString("subject", null)).isEqualTo("Your call");
        JsonObject attachment = body.get("attachments").asArray().get(0).asObject();
        assertThat(attachment.getString("base64", null)).isEqualTo("YWJj");
        assertThat(attachment.getString("fileName", null)).isEqualTo("a.txt");
        JsonObject template = body.get("template").asObject();
        assertThat(template.getString("name", null)).isEqualTo("visit_reminder");
        assertThat(template.get("parameters").asArray().get(0).asString()).isEqualTo("Monday");
    }

    @Test
    void the_id_the_callback_answers_becomes_the_external_id() {
        assertThat(sendWith(Answer.json(201, "{\"id\":\"their-7\"}"))).isEqualTo(SendResult.sent("their-7"));
        assertThat(sendWith(Answer.text(204, ""))).isEqualTo(SendResult.sent("msg-1"));
    }

    @Test
    void rate_limits_honour_retry_after_in_seconds_and_as_a_date() {
        assertThat(sendWith(Answer.json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "12")))
                .isEqualTo(new SendResult.Failed("the callback answered HTTP 429: slow down", true,
                        Duration.ofSeconds(12)));
        SendResult dated = sendWith(Answer.text(503, "down").withHeader("Retry-After",
                "Mon, 23 Nov 2026 12:01:00 GMT"));
        assertThat(dated).isEqualTo(new SendResult.Failed("the callback answered HTTP 503", true,
                Duration.ofMinutes(1)));
    }

    @Test
    void other_client_errors_are_permanent_with_the_error_or_the_status() {
        assertThat(sendWith(Answer.json(400, "{\"error\":{\"message\":\"to.value unknown\"}}")))
                .isEqualTo(SendResult.permanent("the callback answered HTTP 400: to.value unknown"));
        assertThat(sendWith(Answer.text(404, "<html>not here</html>")))
                .isEqualTo(SendResult.permanent("the callback answered HTTP 404"));
    }

    @Test
    void an_unreachable_callback_is_retryable_and_its_url_is_not_in_the_reason() throws Exception {
        ProviderStub gone = ProviderStub.start();
        var config = new HashMap<>(new ApiScenario().config(gone.baseUrl()));
        config.put("callbackUrl", gone.baseUrl() + "/hook?token=very-secret-query-token");
        gone.close();
        try (TestPluginContext plugin = new TestPluginContext("t")) {
            ChannelConnection connection = new ApiConnector().open(
                    new TestConnectionContext(config, ApiAccount.WEBHOOK_URL, plugin));
            SendResult result = connection.send(message(List.of(), null));

            assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.reason()).startsWith("the callback could not be reached")
                        .doesNotContain("very-secret-query-token");
            });
            assertThat(connection.toString()).doesNotContain("very-secret-query-token");
        }
    }
}
