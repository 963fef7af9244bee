package org.switchboard.plugins.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.WebhookRequests;

class ApiInboundTest {

    private static final String FROM = "\"from\":{\"kind\":\"phone\",\"value\":\"+4930123\"}";

    private final ApiAccount account = new ApiAccount();

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void a_message_without_sent_at_is_dated_now_and_the_reply_lists_the_accepted_ids() {
        var accepted = account.accept(ApiAccount.signed("", "{\"id\":\"m1\"," + FROM + ",\"text\":\"hi\","
                + "\"html\":\"<p>hi</p>\"}"));

        InboundMessage message = (InboundMessage) accepted.events().getFirst();
        assertThat(message.sentAt()).isEqualTo(ApiAccount.NOW);
        assertThat(message.html()).isEqualTo("<p>hi</p>");
        assertThat(message.sender()).isEqualTo(Identity.phone("+4930123"));
        assertThat(new String(accepted.reply().body(), StandardCharsets.UTF_8)).isEqualTo("{\"accepted\":[\"m1\"]}");
    }

    @Test
    void a_sent_at_with_an_offset_is_kept_as_the_instant() {
        InboundMessage message = (InboundMessage) account.events("/messages", "{\"id\":\"m1\"," + FROM
                + ",\"text\":\"hi\",\"sentAt\":\"2026-11-23T15:05:00+01:00\"}").getFirst();

        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T14:05:00Z"));
    }

    @Test
    void an_attachment_alone_is_a_message() {
        String base64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        InboundMessage message = (InboundMessage) account.events("/messages", "{\"id\":\"m1\"," + FROM
                + ",\"attachments\":[{\"fileName\":\"a.bin\",\"base64\":\"" + base64 + "\"}]}").getFirst();

        assertThat(message.text()).isEmpty();
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.contentType()).isEqualTo("application/octet-stream");
            assertThat(attachment.content()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void status_reports_keep_their_reason_and_time() {
        StatusUpdate update = (StatusUpdate) account.events("/status", "{\"messageId\":\"x1\",\"status\":\"FAILED\","
                + "\"reason\":\"number unreachable\",\"at\":\"2026-11-23T11:59:00Z\"}").getFirst();

        assertThat(update).isEqualTo(new StatusUpdate("x1", DeliveryStatus.FAILED, "number unreachable",
                Instant.parse("2026-11-23T11:59:00Z")));
    }

    @Test
    void a_timestamp_more_than_five_minutes_off_is_refused_as_a_replay() {
        String body = "{\"id\":\"m1\"," + FROM + ",\"text\":\"hi\"}";

        assertThat(account.reject(ApiAccount.signedAt(ApiAccount.NOW.minus(Duration.ofMinutes(6)), "", body))
                .status()).isEqualTo(401);
        assertThat(account.reject(ApiAccount.signedAt(ApiAccount.NOW.plus(Duration.ofMinutes(6)), "", body))
                .reason()).contains("away from our clock");
        account.accept(ApiAccount.signedAt(ApiAccount.NOW.minus(Duration.ofMinutes(4)), "", body));
    }

    @Test
    void a_signature_over_another_body_is_refused() {
        WebhookRequest signed = ApiAccount.signed("", "{\"id\":\"m1\"," + FROM + ",\"text\":\"pay 10\"}");
        WebhookRequest tampered = WebhookRequests.withBody(signed,
                ("{\"id\":\"m1\"," + FROM + ",\"text\":\"pay 99\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(account.reject(tampered).status()).isEqualTo(401);
    }

    @Test
    void a_signature_in_upper_case_hex_is_accepted() {
        WebhookRequest signed = ApiAccount.signed("", "{\"id\":\"m1\"," + FROM + ",\"text\":\"hi\"}");
        String upper = "sha256=" + signed.header("X-Switchboard-Signature").orElseThrow().substring(7).toUpperCase();

        account.accept(WebhookRequests.withHeader(signed, "X-Switchboard-Signature", upper));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no id                     | {"from":{"kind":"phone","value":"1"},"text":"x"}               | 'id'
            no from                   | {"id":"a","text":"x"}                                           | 'from'
            kind in capitals          | {"id":"a","from":{"kind":"Phone","value":"1"},"text":"x"}      | 'from.kind'
            no value                  | {"id":"a","from":{"kind":"phone"},"text":"x"}                   | 'from.value'
            neither text nor files    | {"id":"a","from":{"kind":"phone","value":"1"}}                  | 'text'
            bad base64                | {"id":"a","from":{"kind":"phone","value":"1"},"attachments":[{"fileName":"f","base64":"%%%"}]} | 'attachments[0].base64'
            attachment without name   | {"id":"a","from":{"kind":"phone","value":"1"},"attachments":[{"base64":"AAAA"}]} | 'attachments[0].fileName'
            metadata not a string     | {"id":"a","from":{"kind":"phone","value":"1"},"text":"x","metadata":{"n":1}} | 'metadata.n'
            bad alias kind            | {"id":"a","from":{"kind":"phone","value":"1"},"text":"x","alsoKnownAs":[{"kind":"a b","value":"1"}]} | 'alsoKnownAs[0].kind'
            sentAt without offset     | {"id":"a","from":{"kind":"phone","value":"1"},"text":"x","sentAt":"2026-11-23 10:00"} | 'sentAt'
            wrong type                | {"id":7,"from":{"kind":"phone","value":"1"},"text":"x"}        | 'id'
            batch item broken         | {"messages":[{"id":"a","from":{"kind":"phone","value":"1"},"text":"x"},{"id":"b","text":"y"}]} | 'messages[1].from'
            status unknown            | {"messageId":"a","status":"opened"}                            | 'status'
            """)
    void invalid_bodies_are_refused_with_400_naming_the_field(String what, String json, String field) {
        String subPath = json.contains("messageId") ? "/status" : "/messages";
        WebhookRequest request = ApiAccount.signed(subPath, json);

        var rejected = account.reject(request);

        assertThat(rejected.status()).as(what).isEqualTo(400);
        assertThat(rejected.reason()).as(what).contains(field);
    }

    @Test
    void text_over_64_kib_and_attachments_over_10_mib_are_refused() {
        String text = "x".repeat(65_537);
        assertThat(account.reject("{\"id\":\"a\"," + FROM + ",\"text\":\"" + text + "\"}").reason())
                .contains("'text' is longer than 65536");
        String big = Base64.getEncoder().encodeToString(new byte[10 * 1024 * 1024 + 1]);
        assertThat(account.reject("{\"id\":\"a\"," + FROM + ",\"attachments\":[{\"fileName\":\"f\",\"base64\":\""
                + big + "\"}]}").reason()).contains("more than 10 MiB");
    }

    @Test
    void a_batch_of_more_than_100_is_refused_whole() {
        StringBuilder batch = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < 101; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i).append("\",").append(FROM)
                    .append(",\"text\":\"x\"}");
        }
        assertThat(account.reject(batch.append("]}").toString()).reason()).contains("at most 100");
    }

    @Test
    void other_paths_and_methods_are_refused() {
        assertThat(account.reject(ApiAccount.signed("/other", "{}")).status()).isEqualTo(404);
        assertThat(account.reject(WebhookRequests.get("/messages", "", Map.of())).status()).isEqualTo(405);
    }
}
