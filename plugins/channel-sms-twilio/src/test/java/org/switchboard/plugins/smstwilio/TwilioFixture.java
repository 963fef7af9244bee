package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/** One account's connection against a real local Twilio stub, with a fixed clock. Close it after each test. */
final class TwilioFixture implements AutoCloseable {

    static final URI WEBHOOK_URL = URI.create("https://portal.example.test/hooks/acct-7");
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    final ProviderStub twilio = ProviderStub.start();
    final TestPluginContext plugin = new TestPluginContext("channel-sms-twilio", Clock.fixed(NOW, ZoneOffset.UTC));
    final TestConnectionContext context;
    final ChannelConnection connection;

    TwilioFixture() {
        this(Map.of(), MessageSender.DEFAULT_TIMEOUT);
    }

    /** A connection whose configuration is the scenario's with {@code overrides} (a {@code null} value removes). */
    TwilioFixture(Map<String, String> overrides, Duration timeout) {
        Map<String, String> config = new HashMap<>(new TwilioSmsScenario().config(twilio.baseUrl()));
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        context = new TestConnectionContext(config, WEBHOOK_URL, plugin);
        try {
            connection = new TwilioSmsConnector().open(context, timeout);
        } catch (ChannelException e) {
            throw new IllegalStateException(e);
        }
    }

    WebhookResult handle(WebhookRequest request) {
        return connection.handleWebhook(request);
    }

    /** A form posted to the account's URL plus {@code subPath}, signed with the account's auth token. */
    WebhookRequest signed(String subPath, List<Map.Entry<String, String>> params) {
        return TwilioSmsScenario.signedForm(WEBHOOK_URL, subPath, params, TwilioSmsScenario.AUTH_TOKEN);
    }

    static WebhookResult.Accepted accepted(WebhookResult result) {
        assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
        return (WebhookResult.Accepted) result;
    }

    static WebhookResult.Rejected rejected(WebhookResult result) {
        assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
        return (WebhookResult.Rejected) result;
    }

    @Override
    public void close() {
        connection.close();
        plugin.close();
        twilio.close();
    }
}
