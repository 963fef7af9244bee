package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.ACCEPTED_SID;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.ACCOUNT_SID;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.AUTH_TOKEN;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.CUSTOMER;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.MESSAGES_PATH;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.WebhookRequests;

class TwilioSendTest {

    private static final String SERVICE_SID = "MG9752274e9e519418a7406176694466fa";

    private TwilioFixture fixture = new TwilioFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void reopen(Map<String, String> overrides, Duration timeout) {
        fixture.close();
        fixture = new TwilioFixture(overrides, timeout);
    }

    private static OutboundMessage message(String text, List<Attachment> attachments) {
        return new OutboundMessage(UUID.randomUUID().toString(), "42", Identity.phone(CUSTOMER), "Agent Smith", text,
                null, attachments, ThreadingHints.NONE);
    }

    private SendResult send(String text) {
        return fixture.connection.send(message(text, List.of()));
    }

    private void answer(ProviderStub.Answer answer) {
        fixture.twilio.once("POST", MESSAGES_PATH, answer);
    }

    private static Map<String, List<String>> form(RecordedRequest request) {
        return WebhookRequests.parseQuery(request.bodyAsString());
    }

    @Test
    void a_text_is_posted_to_the_messages_api_with_basic_auth_and_a_status_callback() {
        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));

        assertThat(send("Your order ships today. Grüße!")).isEqualTo(SendResult.sent(ACCEPTED_SID));

        RecordedRequest request = fixture.twilio.takeRequest(1);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        assertThat(request.header("Authorization")).contains("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
        assertThat(form(request)).containsExactly(
                Map.entry("To", List.of(CUSTOMER)),
                Map.entry("From", List.of(TwilioSmsScenario.TWILIO_NUMBER)),
                Map.entry("Body", List.of("Your order ships today. Grüße!")),
                Map.entry("StatusCallback", List.of(TwilioFixture.WEBHOOK_URL + "/status")));
    }

    @Test
    void a_messaging_service_takes_precedence_over_the_from_number() {
        reopen(Map.of("messagingServiceSid", SERVICE_SID), MessageSender.DEFAULT_TIMEOUT);
        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));
        assertThat(send("hi")).isInstanceOf(SendResult.Sent.class);
        Map<String, List<String>> form = form(fixture.twilio.takeRequest(1));
        assertThat(form).containsEntry("MessagingServiceSid", List.of(SERVICE_SID)).doesNotContainKey("From");
    }

    @Test
    void the_status_callback_uses_the_public_base_url_when_configured() {
        reopen(Map.of("publicBaseUrl", "https://sms.example.org/twilio/inbound"), MessageSender.DEFAULT_TIMEOUT);
        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));
        send("hi");
        assertThat(form(fixture.twilio.takeRequest(1)))
                .containsEntry("StatusCallback", List.of("https://sms.example.org/twilio/inbound/status"));
    }

    @Test
    void rate_limiting_is_retryable_after_the_time_twilio_asks_for() {
        answer(ProviderStub.Answer.json(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", "
                + "\"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")
                .withHeader("Retry-After", "30"));
        assertThat(send("hi")).isEqualTo(new SendResult.Failed("20429: Too Many Requests", true,
                Duration.ofSeconds(30)));
    }

    @Test
    void a_retry_after_date_is_turned_into_a_wait() {
        answer(ProviderStub.Answer.json(503, "{\"code\": 20500, \"message\": \"Internal Server Error\"}")
                .withHeader("Retry-After", "Mon, 23 Nov 2026 10:16:30 GMT"));
        assertThat(send("hi")).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void a_server_error_without_json_is_retryable() {
        answer(ProviderStub.Answer.text(502, "Bad Gateway"));
        assertThat(send("hi")).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).isEqualTo("Twilio answered HTTP 502: Bad Gateway");
            assertThat(failed.retryAfter()).isNull();
        });
    }

    @Test
    void a_refusal_is_permanent_with_twilios_code_and_message() {
        answer(ProviderStub.Answer.json(400, "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed "
                + "recipient\", \"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}"));
        assertThat(send("hi")).isEqualTo(SendResult.permanent("21610: Attempt to send to unsubscribed recipient"));
    }

    @Test
    void refused_credentials_are_permanent_and_show_in_the_health_until_a_send_succeeds() {
        answer(ProviderStub.Answer.json(401, "{\"code\": 20003, \"message\": \"Authenticate\", "
                + "\"more_info\": \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}"));
        assertThat(send("hi")).isEqualTo(SendResult.permanent("20003: Authenticate"));
        assertThat(fixture.connection.health().healthy()).isFalse();
        assertThat(fixture.connection.health().detail()).contains("20003").doesNotContain(AUTH_TOKEN);

        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));
        send("hi again");
        assertThat(fixture.connection.health().healthy()).isTrue();
    }

    @Test
    void an_accepted_answer_without_a_sid_is_not_retried() {
        answer(ProviderStub.Answer.json(201, "{}"));
        assertThat(send("hi")).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    @Test
    void a_slow_twilio_is_a_retryable_timeout() {
        reopen(Map.of(), Duration.ofMillis(300));
        fixture.twilio.always("POST", MESSAGES_PATH, request -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID));
        });
        long started = System.nanoTime();
        SendResult result = send("hi");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("did not answer");
        });
    }

    @Test
    void an_unreachable_twilio_is_retryable() {
        ProviderStub gone = ProviderStub.start();
        String url = gone.baseUrl().toString();
        gone.close();
        reopen(Map.of("apiBaseUrl", url), MessageSender.DEFAULT_TIMEOUT);
        assertThat(send("hi")).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void attachments_without_text_are_refused_and_nothing_is_sent() {
        Attachment picture = new Attachment("map.png", "image/png", new byte[] {1, 2, 3}, false, null);
        SendResult result = fixture.connection.send(message("  ", List.of(picture)));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("cannot send attachments");
        });
        assertThat(fixture.twilio.requests()).isEmpty();
    }

    @Test
    void with_text_the_text_is_sent_without_the_attachments() {
        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));
        Attachment picture = new Attachment("map.png", "image/png", new byte[] {1, 2, 3}, false, null);
        assertThat(fixture.connection.send(message("See the map", List.of(picture))))
                .isEqualTo(SendResult.sent(ACCEPTED_SID));
        Map<String, List<String>> form = form(fixture.twilio.takeRequest(1));
        assertThat(form).containsEntry("Body", List.of("See the map")).doesNotContainKey("MediaUrl");
    }

    @Test
    void a_text_over_the_segment_limit_is_refused_before_calling_twilio() {
        reopen(Map.of("maxSegments", "2"), MessageSender.DEFAULT_TIMEOUT);
        SendResult result = send("a".repeat(307));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("3 SMS").contains("GSM-7").contains("2");
        });
        assertThat(fixture.twilio.requests()).isEmpty();
    }

    @Test
    void the_default_limit_is_ten_segments() {
        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));
        assertThat(send("ж".repeat(670))).isInstanceOf(SendResult.Sent.class);
        assertThat(send("ж".repeat(671))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("11 SMS").contains("UCS-2"));
    }

    @Test
    void a_recipient_that_is_not_a_phone_number_is_refused() {
        OutboundMessage toEmail = new OutboundMessage("m1", "42", Identity.email("ada@example.com"), "Agent", "hi",
                null, List.of(), ThreadingHints.NONE);
        assertThat(fixture.connection.send(toEmail)).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        OutboundMessage national = new OutboundMessage("m2", "42", Identity.phone("0155 1234567"), "Agent", "hi",
                null, List.of(), ThreadingHints.NONE);
        assertThat(fixture.connection.send(national)).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("E.164"));
        assertThat(fixture.twilio.requests()).isEmpty();
    }

    @Test
    void a_number_written_with_separators_is_sent_in_e164() {
        answer(ProviderStub.Answer.json(201, TwilioSmsScenario.createdMessage(ACCEPTED_SID)));
        OutboundMessage spaced = new OutboundMessage("m3", "42", Identity.phone("+1 (415) 555-0123"), "Agent", "hi",
                null, List.of(), ThreadingHints.NONE);
        fixture.connection.send(spaced);
        assertThat(form(fixture.twilio.takeRequest(1))).containsEntry("To", List.of(CUSTOMER));
    }
}
