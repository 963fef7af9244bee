package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.smstwilio.TwilioFixture.WEBHOOK_URL;
import static org.switchboard.plugins.smstwilio.TwilioFixture.accepted;
import static org.switchboard.plugins.smstwilio.TwilioFixture.rejected;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.ACCOUNT_SID;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.AUTH_TOKEN;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.CUSTOMER;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.WebhookRequests;

class TwilioWebhookTest {

    private static final String SID = "SM1f0e8ae6ade23cb3c0ce4524424e406f";

    private TwilioFixture fixture = new TwilioFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static List<Map.Entry<String, String>> replace(List<Map.Entry<String, String>> params, String name,
            String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        for (Map.Entry<String, String> param : params) {
            copy.add(param.getKey().equals(name) ? Map.entry(name, value) : param);
        }
        return copy;
    }

    // ---- incoming messages --------------------------------------------------------------------------------

    @Test
    void an_incoming_sms_becomes_a_message_with_segment_metadata_and_an_empty_twiml_reply() {
        WebhookResult.Accepted result = accepted(fixture.handle(
                fixture.signed("", TwilioSmsScenario.incomingSms(SID, CUSTOMER, "Where is my order 1234?"))));

        assertThat(result.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class, message -> {
            assertThat(message.externalId()).isEqualTo(SID);
            assertThat(message.sender()).isEqualTo(Identity.phone(CUSTOMER));
            assertThat(message.senderName()).isNull();
            assertThat(message.text()).isEqualTo("Where is my order 1234?");
            assertThat(message.attachments()).isEmpty();
            assertThat(message.sentAt()).isEqualTo(TwilioFixture.NOW);
            assertThat(message.metadata()).containsEntry("segments", "1").containsEntry("encoding", "GSM-7")
                    .containsEntry("to", TwilioSmsScenario.TWILIO_NUMBER).containsEntry("fromCountry", "US");
        });
        assertThat(result.reply().status()).isEqualTo(200);
        assertThat(result.reply().contentType()).isEqualTo("text/xml");
        assertThat(new String(result.reply().body(), StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
    }

    @Test
    void a_long_unicode_sms_reports_its_ucs2_segments() {
        String text = "Привет! ".repeat(10);
        InboundMessage message = (InboundMessage) accepted(fixture.handle(
                fixture.signed("", TwilioSmsScenario.incomingSms(SID, CUSTOMER, text)))).events().getFirst();
        assertThat(message.text()).isEqualTo(text);
        assertThat(message.metadata()).containsEntry("encoding", "UCS-2").containsEntry("segments", "2");
    }

    @Test
    void plus_signs_ampersands_and_percent_signs_in_the_text_survive_the_form_encoding() {
        String text = "C++ & 50% off = 1+1? a%20b";
        InboundMessage message = (InboundMessage) accepted(fixture.handle(
                fixture.signed("", TwilioSmsScenario.incomingSms(SID, CUSTOMER, text)))).events().getFirst();
        assertThat(message.text()).isEqualTo(text);
    }

    @Test
    void a_sender_that_is_not_an_e164_number_is_refused_with_400() {
        for (String from : List.of("ACME", "4155550123", "+0155550123")) {
            WebhookResult.Rejected rejected = rejected(fixture.handle(
                    fixture.signed("", TwilioSmsScenario.incomingSms(SID, from, "hi"))));
            assertThat(rejected.status()).as(from).isEqualTo(400);
            assertThat(rejected.reason()).contains("E.164");
        }
    }

    @Test
    void a_correctly_signed_request_of_another_account_is_refused_with_403() {
        List<Map.Entry<String, String>> params = replace(TwilioSmsScenario.incomingSms(SID, CUSTOMER, "hi"),
                "AccountSid", "AC00000000000000000000000000000000");
        WebhookResult.Rejected rejected = rejected(fixture.handle(fixture.signed("", params)));
        assertThat(rejected.status()).isEqualTo(403);
        assertThat(rejected.reason()).doesNotContain(AUTH_TOKEN);
    }

    @Test
    void a_body_changed_after_signing_is_refused_with_401() {
        WebhookRequest signed = fixture.signed("", TwilioSmsScenario.incomingSms(SID, CUSTOMER, "pay 10"));
        WebhookRequest tampered = WebhookRequests.withBody(signed,
                signed.bodyAsString().replace("pay+10", "pay+1000").getBytes(StandardCharsets.UTF_8));
        WebhookResult.Rejected rejected = rejected(fixture.handle(tampered));
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.reason()).contains("X-Twilio-Signature").doesNotContain(AUTH_TOKEN);
    }

    @Test
    void a_body_that_is_not_form_data_is_refused_with_400_naming_the_problem() {
        WebhookRequest request = WebhookRequests.post("", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", "c2lnbmF0dXJl"), "Body=100%zz&From=%2B14155550123");
        WebhookResult.Rejected rejected = rejected(fixture.handle(request));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).contains("form data").contains("%zz");
    }

    @Test
    void a_json_body_is_refused_with_415() {
        WebhookRequest request = WebhookRequests.post("", Map.of("Content-Type", "application/json",
                "X-Twilio-Signature", "c2lnbmF0dXJl"), "{}");
        assertThat(rejected(fixture.handle(request)).status()).isEqualTo(415);
    }

    @Test
    void other_paths_and_methods_are_refused() {
        WebhookRequest elsewhere = TwilioSmsScenario.signedForm(WEBHOOK_URL, "/voice",
                TwilioSmsScenario.incomingSms(SID, CUSTOMER, "hi"), AUTH_TOKEN);
        assertThat(rejected(fixture.handle(elsewhere)).status()).isEqualTo(404);
        WebhookRequest get = WebhookRequests.get("", "Body=hi", Map.of("X-Twilio-Signature", "c2ln"));
        assertThat(rejected(fixture.handle(get)).status()).isEqualTo(405);
    }

    @Test
    void a_signature_over_the_url_with_its_query_string_is_accepted() {
        List<Map.Entry<String, String>> params = TwilioSmsScenario.incomingSms(SID, CUSTOMER, "hi");
        String signature = TwilioSmsScenario.signature(AUTH_TOKEN, WEBHOOK_URL + "?lang=de+CH&source=sms", params);
        WebhookRequest signed = fixture.signed("", params);
        WebhookRequest withQuery = new WebhookRequest("POST", "", Map.of("source", List.of("sms"),
                "lang", List.of("de CH")), signed.headers(), signed.body(), "127.0.0.1");
        withQuery = WebhookRequests.withHeader(withQuery, "X-Twilio-Signature", signature);
        assertThat(accepted(fixture.handle(withQuery)).events()).hasSize(1);
    }

    @Test
    void a_signature_over_the_url_with_the_default_port_is_accepted() {
        List<Map.Entry<String, String>> params = TwilioSmsScenario.incomingSms(SID, CUSTOMER, "hi");
        WebhookRequest request = WebhookRequests.withHeader(fixture.signed("", params), "X-Twilio-Signature",
                TwilioSmsScenario.signature(AUTH_TOKEN, "https://portal.example.test:443/hooks/acct-7", params));
        assertThat(accepted(fixture.handle(request)).events()).hasSize(1);
    }

    // ---- public base URL ----------------------------------------------------------------------------------

    @Test
    void with_a_public_base_url_signatures_are_checked_against_it_and_not_the_portals_url() {
        fixture.close();
        fixture = new TwilioFixture(Map.of("publicBaseUrl", "https://sms.example.org/twilio/inbound/"),
                MessageSender.DEFAULT_TIMEOUT);
        URI publicUrl = URI.create("https://sms.example.org/twilio/inbound");
        List<Map.Entry<String, String>> params = TwilioSmsScenario.incomingSms(SID, CUSTOMER, "hi");

        WebhookRequest viaProxy = TwilioSmsScenario.signedForm(publicUrl, "", params, AUTH_TOKEN);
        assertThat(accepted(fixture.handle(viaProxy)).events()).hasSize(1);
        WebhookRequest statusViaProxy = TwilioSmsScenario.signedForm(publicUrl, "/status",
                TwilioSmsScenario.statusCallback(SID, "delivered", null), AUTH_TOKEN);
        assertThat(accepted(fixture.handle(statusViaProxy)).events()).hasSize(1);

        WebhookRequest overPortalUrl = TwilioSmsScenario.signedForm(WEBHOOK_URL, "", params, AUTH_TOKEN);
        assertThat(rejected(fixture.handle(overPortalUrl)).status()).isEqualTo(401);
    }

    // ---- status callbacks ---------------------------------------------------------------------------------

    @Test
    void undelivered_and_failed_become_failed_with_the_error_code_in_the_reason() {
        for (String status : List.of("undelivered", "failed")) {
            WebhookResult.Accepted result = accepted(fixture.handle(fixture.signed("/status",
                    TwilioSmsScenario.statusCallback(SID, status, "30003"))));
            assertThat(result.events()).singleElement().isInstanceOfSatisfying(StatusUpdate.class, update -> {
                assertThat(update.externalMessageId()).isEqualTo(SID);
                assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(update.reason()).contains(status).contains("30003");
                assertThat(update.at()).isEqualTo(TwilioFixture.NOW);
            });
        }
    }

    @Test
    void statuses_map_as_documented_and_early_ones_are_no_news() {
        Map<String, DeliveryStatus> mapped = Map.of("sent", DeliveryStatus.SENT, "delivered",
                DeliveryStatus.DELIVERED, "read", DeliveryStatus.READ, "canceled", DeliveryStatus.FAILED);
        mapped.forEach((twilio, expected) -> assertThat(accepted(fixture.handle(fixture.signed("/status",
                TwilioSmsScenario.statusCallback(SID, twilio, null)))).events())
                .as(twilio).singleElement().extracting(e -> ((StatusUpdate) e).status()).isEqualTo(expected));
        for (String early : List.of("queued", "accepted", "scheduled", "sending", "some-future-status")) {
            WebhookResult.Accepted result = accepted(fixture.handle(fixture.signed("/status",
                    TwilioSmsScenario.statusCallback(SID, early, null))));
            assertThat(result.events()).as(early).isEmpty();
            assertThat(result.reply().status()).isEqualTo(200);
        }
    }

    @Test
    void a_late_delivered_after_read_is_still_reported_and_left_to_the_host() {
        assertThat(accepted(fixture.handle(fixture.signed("/status",
                TwilioSmsScenario.statusCallback(SID, "read", null)))).events()).hasSize(1);
        assertThat(accepted(fixture.handle(fixture.signed("/status",
                TwilioSmsScenario.statusCallback(SID, "delivered", null)))).events())
                .singleElement().extracting(e -> ((StatusUpdate) e).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_status_callback_signed_over_the_message_url_instead_of_status_is_refused() {
        List<Map.Entry<String, String>> params = TwilioSmsScenario.statusCallback(SID, "delivered", null);
        WebhookRequest wrongUrl = WebhookRequests.withHeader(fixture.signed("/status", params),
                "X-Twilio-Signature", TwilioSmsScenario.signature(AUTH_TOKEN, WEBHOOK_URL.toString(), params));
        assertThat(rejected(fixture.handle(wrongUrl)).status()).isEqualTo(401);
    }

    @Test
    void a_status_callback_without_a_status_is_refused_with_400() {
        WebhookResult.Rejected rejected = rejected(fixture.handle(fixture.signed("/status", List.of(
                Map.entry("MessageSid", SID), Map.entry("AccountSid", ACCOUNT_SID)))));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).contains("MessageStatus");
    }

    @Test
    void nothing_is_ever_pushed_to_the_sink() {
        fixture.handle(fixture.signed("", TwilioSmsScenario.incomingSms(SID, CUSTOMER, "hi")));
        fixture.handle(fixture.signed("/status", TwilioSmsScenario.statusCallback(SID, "delivered", null)));
        assertThat(fixture.context.pushed()).isEmpty();
    }
}
