package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.WebhookResult;

/** One web-chat account opened through the real connector against a fake host, with helpers to talk to it. */
final class WebchatFixture implements AutoCloseable {

    static final String SIGNING_KEY = "test-signing-key-that-the-host-would-generate";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** A visitor's credentials as the widget keeps them. */
    record Visitor(String id, String token) {
        Identity identity() {
            return new Identity(IdentityKind.WEBCHAT_VISITOR, id);
        }
    }

    final FakeHistory history = new FakeHistory();
    final WebchatConnection connection;

    WebchatFixture() {
        this(Map.of());
    }

    WebchatFixture(Map<String, String> config) {
        Map<String, String> values = new HashMap<>();
        values.put(WebchatSettings.SIGNING_KEY, SIGNING_KEY);
        values.putAll(config);
        try {
            connection = (WebchatConnection) new WebchatConnector().open(
                    new FakeConnectionContext(values, history, Clock.fixed(NOW, ZoneOffset.UTC)));
        } catch (ChannelException e) {
            throw new AssertionError(e);
        }
    }

    WebhookResult handle(TestRequest request) {
        return connection.handleWebhook(request.toWebhookRequest());
    }

    Visitor newVisitor() {
        JsonObject session = replyJson(handle(TestRequest.post("/session", "")));
        return new Visitor(session.getString("visitorId", null), session.getString("token", null));
    }

    static WebhookResult.Accepted accepted(WebhookResult result) {
        assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
        return (WebhookResult.Accepted) result;
    }

    static WebhookResult.Rejected rejected(WebhookResult result) {
        assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
        return (WebhookResult.Rejected) result;
    }

    static JsonObject replyJson(WebhookResult result) {
        return Json.parse(new String(accepted(result).reply().body(), StandardCharsets.UTF_8)).asObject();
    }

    @Override
    public void close() {
        connection.close();
    }
}
