package com.example.switchboard.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;
import org.switchboard.plugin.testkit.WebhookRequests;

/** Inbound webhooks beyond the contract: the exact fields, and what is refused with which reason. */
class ExampleWebhookTest {

    private TestPluginContext plugin;
    private ChannelConnection connection;

    @BeforeEach
    void open() throws Exception {
        plugin = new TestPluginContext("example-channel");
        connection = new ExampleConnector().open(new TestConnectionContext(
                Map.of("outboundUrl", "http://127.0.0.1:9/replies", "secret", ExampleScenario.SECRET),
                URI.create("https://portal.example.test/hooks/a1"), plugin));
    }

    @AfterEach
    void close() {
        connection.close();
        plugin.close();
    }

    @Test
    void correctly_signed_message_becomes_one_inbound_message() {
        WebhookResult result = connection.handleWebhook(ExampleScenario.signed(
                "{\"id\":\"m-1\",\"from\":\"user-42\",\"name\":\"Ada Lovelace\",\"text\":\"Where is my order?\"}"));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted ->
                assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
                    assertThat(m.externalId()).isEqualTo("m-1");
                    assertThat(m.sender()).isEqualTo(new Identity(new IdentityKind("example-user"), "user-42"));
                    assertThat(m.senderName()).isEqualTo("Ada Lovelace");
                    assertThat(m.text()).isEqualTo("Where is my order?");
                }));
    }

    @Test
    void signature_over_a_different_body_is_refused() {
        WebhookRequest signed = ExampleScenario.signed("{\"id\":\"m-2\",\"from\":\"user-42\",\"text\":\"refund 10\"}");
        WebhookRequest tampered = WebhookRequests.withBody(signed,
                "{\"id\":\"m-2\",\"from\":\"user-42\",\"text\":\"refund 1000\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(connection.handleWebhook(tampered)).isEqualTo(
                WebhookResult.rejected(401, "missing or wrong X-Example-Signature"));
    }

    @Test
    void garbled_signature_header_is_refused_not_a_crash() {
        WebhookRequest signed = ExampleScenario.signed("{\"id\":\"m-3\",\"from\":\"user-42\",\"text\":\"hi\"}");

        assertThat(connection.handleWebhook(WebhookRequests.withHeader(signed, "X-Example-Signature", "sha256=zz")))
                .isInstanceOfSatisfying(WebhookResult.Rejected.class, r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void malformed_json_is_refused_with_400_saying_so() {
        assertThat(connection.handleWebhook(ExampleScenario.signed("{\"id\":\"m-4\",")))
                .isInstanceOfSatisfying(WebhookResult.Rejected.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.reason()).startsWith("malformed JSON");
                });
    }

    @Test
    void missing_field_is_refused_naming_the_field() {
        assertThat(connection.handleWebhook(ExampleScenario.signed("{\"id\":\"m-5\",\"text\":\"hi\"}")))
                .isEqualTo(WebhookResult.rejected(400, "'from' is required"));
        assertThat(connection.handleWebhook(ExampleScenario.signed("{\"id\":\"m-6\",\"from\":7,\"text\":\"hi\"}")))
                .isEqualTo(WebhookResult.rejected(400, "'from' must be a string"));
    }

    @Test
    void only_post_is_accepted() {
        WebhookRequest get = WebhookRequests.get("", "", Map.of());

        assertThat(connection.handleWebhook(get)).isEqualTo(WebhookResult.rejected(405, "use POST"));
    }
}
