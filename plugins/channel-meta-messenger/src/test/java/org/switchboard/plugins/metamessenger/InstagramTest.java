package org.switchboard.plugins.metamessenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugins.metamessenger.scenario.InstagramScenario;

class InstagramTest {

    private static final String IGSID = "5634120982711945";
    private static final Identity CUSTOMER = new Identity(new IdentityKind("instagram-igsid"), IGSID);
    private Testbed bed;

    @BeforeEach
    void open() throws Exception {
        bed = new Testbed(new InstagramConnector(), new InstagramScenario(), Map.of());
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private static OutboundMessage reply(String text, List<Attachment> attachments) {
        return new OutboundMessage("host-1", "conv-1", CUSTOMER, "Agent", text, null, attachments, ThreadingHints.NONE);
    }

    @Test
    void a_reply_goes_to_the_instagram_account_with_its_user_token() throws Exception {
        bed.meta.once("POST", bed.scenario.messagesPath(), Answer.json(200,
                "{\"recipient_id\":\"" + IGSID + "\",\"message_id\":\"aWdfZAG1fSent\"}"));

        SendResult result = bed.connection.send(reply("We ship to Canada.", List.of()));

        assertThat(result).isEqualTo(SendResult.sent("aWdfZAG1fSent"));
        RecordedRequest request = bed.meta.takeRequest(1);
        assertThat(request.path()).isEqualTo("/v21.0/" + InstagramScenario.IG_ID + "/messages");
        assertThat(request.header("Authorization")).contains("Bearer " + InstagramScenario.ACCESS_TOKEN);
        assertThat(Testbed.body(request)).contains("\"recipient\":{\"id\":\"" + IGSID + "\"}")
                .contains("\"text\":\"We ship to Canada.\"");
    }

    @Test
    void files_are_refused_because_instagram_takes_media_only_by_public_url() throws Exception {
        Attachment pdf = new Attachment("invoice.pdf", "application/pdf", new byte[] {1, 2}, false, null);

        SendResult result = bed.connection.send(reply("Your invoice", List.of(pdf)));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("public URL");
        });
        assertThat(bed.meta.requests()).isEmpty();
    }

    @Test
    void the_text_limit_counts_utf8_bytes() throws Exception {
        SendResult result = bed.connection.send(reply("é".repeat(501), List.of())); // 501 characters, 1002 bytes

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("1002 bytes").contains("1000"));
        assertThat(bed.meta.requests()).isEmpty();
    }

    @Test
    void outside_the_window_is_recognised_by_instagrams_own_subcode() throws Exception {
        bed.meta.once("POST", bed.scenario.messagesPath(), Answer.json(400, "{\"error\":{\"message\":\"This message "
                + "is sent outside of allowed window.\",\"type\":\"IGApiException\",\"code\":10,"
                + "\"error_subcode\":2534022}}"));

        SendResult result = bed.connection.send(reply("Hello?", List.of()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).startsWith("outside the 24-hour messaging window");
        });
    }

    @Test
    void the_sender_name_comes_from_name_and_falls_back_to_the_username() throws Exception {
        bed.meta.always("GET", "/v21.0/" + IGSID, Answer.json(200,
                "{\"name\":\"Peter Chang\",\"username\":\"peter_chang_live\"}"));
        bed.meta.always("GET", "/v21.0/777", Answer.json(200, "{\"username\":\"no_name_set\"}"));

        InboundMessage named = bed.deliverMessage(bed.fromCustomer(IGSID, "\"message\":{\"mid\":\"a1\",\"text\":\"hi\"}"));
        InboundMessage unnamed = bed.deliverMessage(bed.fromCustomer("777", "\"message\":{\"mid\":\"a2\",\"text\":\"yo\"}"));

        assertThat(named.senderName()).isEqualTo("Peter Chang");
        assertThat(named.sender()).isEqualTo(CUSTOMER);
        assertThat(unnamed.senderName()).isEqualTo("@no_name_set");
        assertThat(bed.meta.requests()).anySatisfy(r -> assertThat(r.query()).isEqualTo("fields=name%2Cusername"));
    }

    @Test
    void a_messenger_payload_is_refused_with_400() {
        WebhookResult result = bed.connection.handleWebhook(bed.scenario.signed(Testbed.WEBHOOK_URL,
                "{\"object\":\"page\",\"entry\":[]}"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(400));
    }

    @Test
    void a_deleted_message_emits_nothing() {
        assertThat(bed.deliver(bed.fromCustomer(IGSID, "\"message\":{\"mid\":\"a3\",\"is_deleted\":true}")))
                .isEmpty();
    }
}
