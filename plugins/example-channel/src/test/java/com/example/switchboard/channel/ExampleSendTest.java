package com.example.switchboard.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/** Outbound replies against a real local HTTP server (the test kit's provider stub). */
class ExampleSendTest {

    private ProviderStub receiver;
    private TestPluginContext plugin;
    private ChannelConnection connection;

    @BeforeEach
    void open() throws Exception {
        receiver = ProviderStub.start();
        plugin = new TestPluginContext("example-channel");
        connection = new ExampleConnector().open(new TestConnectionContext(
                new ExampleScenario().config(receiver.baseUrl()), URI.create("https://portal.example.test/hooks/a1"),
                plugin));
    }

    @AfterEach
    void close() {
        connection.close();
        plugin.close();
        receiver.close();
    }

    @Test
    void reply_is_posted_as_signed_json_to_the_outbound_url() {
        receiver.once("POST", ExampleScenario.OUTBOUND_PATH, ProviderStub.Answer.json(200, "{\"id\":\"app-7\"}"));

        SendResult result = connection.send(reply("msg-1", "Your order ships today."));

        assertThat(result).isEqualTo(SendResult.sent("app-7"));
        RecordedRequest posted = receiver.takeRequest(5);
        assertThat(posted.path()).isEqualTo(ExampleScenario.OUTBOUND_PATH);
        assertThat(posted.bodyAsString()).isEqualTo("{\"id\":\"msg-1\",\"to\":\"user-42\",\"text\":\"Your order ships today.\","
                + "\"authorName\":\"Agent Smith\"}");
        // The receiver can check it with the shared secret, exactly as README.md describes.
        assertThat(posted.header("x-example-signature"))
                .contains(ExampleScenario.signature(ExampleScenario.SECRET, posted.body()));
        assertThat(posted.header("idempotency-key")).contains("msg-1");
    }

    @Test
    void answer_without_id_is_sent_under_our_message_id() {
        receiver.once("POST", ExampleScenario.OUTBOUND_PATH, ProviderStub.Answer.text(204, ""));

        assertThat(connection.send(reply("msg-2", "ok"))).isEqualTo(SendResult.sent("msg-2"));
    }

    @Test
    void rate_limit_is_retryable_and_a_refusal_is_permanent_with_the_receivers_reason() {
        receiver.once("POST", ExampleScenario.OUTBOUND_PATH, ProviderStub.Answer.json(429, "{\"error\":\"slow down\"}"));
        assertThat(connection.send(reply("msg-3", "a"))).isEqualTo(
                SendResult.retryable("the receiver answered HTTP 429: slow down"));

        receiver.once("POST", ExampleScenario.OUTBOUND_PATH, ProviderStub.Answer.json(404, "{\"error\":\"no such user\"}"));
        assertThat(connection.send(reply("msg-4", "b"))).isEqualTo(
                SendResult.permanent("the receiver answered HTTP 404: no such user"));
    }

    @Test
    void unreachable_receiver_is_retryable() throws Exception {
        URI closed = receiver.baseUrl();
        receiver.close();
        try (TestPluginContext other = new TestPluginContext("example-channel")) {
            ChannelConnection toNowhere = new ExampleConnector().open(new TestConnectionContext(
                    Map.of("outboundUrl", closed + "/replies", "secret", ExampleScenario.SECRET),
                    URI.create("https://portal.example.test/hooks/a1"), other));

            assertThat(toNowhere.send(reply("msg-5", "c"))).isInstanceOfSatisfying(SendResult.Failed.class,
                    failed -> assertThat(failed.retryable()).isTrue());
        }
    }

    private static OutboundMessage reply(String id, String text) {
        return new OutboundMessage(id, "17", new Identity(new IdentityKind("example-user"), "user-42"),
                "Agent Smith", text, null, List.of(), ThreadingHints.NONE);
    }
}
