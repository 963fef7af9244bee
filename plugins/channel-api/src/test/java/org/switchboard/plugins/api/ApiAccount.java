package org.switchboard.plugins.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;
import org.switchboard.plugin.testkit.WebhookRequests;

/** One API-channel account on a fixed clock, its callback played by a {@link ProviderStub}. */
final class ApiAccount implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final URI WEBHOOK_URL = URI.create("https://portal.example.test/hooks/api-account");

    final ProviderStub callback = ProviderStub.start();
    final TestPluginContext plugin = new TestPluginContext("channel-api", Clock.fixed(NOW, ZoneOffset.UTC));
    final ChannelConnection connection;

    ApiAccount() {
        try {
            connection = new ApiConnector().open(new TestConnectionContext(
                    new ApiScenario().config(callback.baseUrl()), WEBHOOK_URL, plugin));
        } catch (ChannelException e) {
            throw new AssertionError(e);
        }
    }

    /** A request signed at {@code timestamp} with the account's secret. */
    static WebhookRequest signedAt(Instant timestamp, String subPath, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String seconds = Long.toString(timestamp.getEpochSecond());
        return WebhookRequests.post(subPath, Map.of("X-Switchboard-Timestamp", seconds,
                "X-Switchboard-Signature", ApiScenario.signature(ApiScenario.SIGNING_SECRET, seconds, body)), body);
    }

    static WebhookRequest signed(String subPath, String json) {
        return signedAt(NOW, subPath, json);
    }

    WebhookResult.Accepted accept(WebhookRequest request) {
        WebhookResult result = connection.handleWebhook(request);
        assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
        return (WebhookResult.Accepted) result;
    }

    List<InboundEvent> events(String subPath, String json) {
        return accept(signed(subPath, json)).events();
    }

    WebhookResult.Rejected reject(WebhookRequest request) {
        WebhookResult result = connection.handleWebhook(request);
        assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
        return (WebhookResult.Rejected) result;
    }

    WebhookResult.Rejected reject(String json) {
        return reject(signed("/messages", json));
    }

    @Override
    public void close() {
        connection.close();
        plugin.close();
        callback.close();
    }
}
