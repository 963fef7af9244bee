package org.switchboard.plugins.whatsapp;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * One configured WhatsApp account for a test: the real connector opened against a {@link ProviderStub} playing the
 * Graph API, with the scenario's configuration.
 */
final class WhatsappAccount implements AutoCloseable {

    static final URI WEBHOOK_URL = URI.create("https://portal.example.test/hooks/wa-1");

    final ProviderStub provider = ProviderStub.start();
    final TestPluginContext plugin = new TestPluginContext("channel-whatsapp");
    final TestConnectionContext context;
    final WhatsappConnection connection;

    WhatsappAccount() {
        this(Map.of());
    }

    WhatsappAccount(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(new WhatsappScenario().config(provider.baseUrl()));
        config.putAll(overrides);
        context = new TestConnectionContext(config, WEBHOOK_URL, plugin);
        try {
            connection = (WhatsappConnection) new WhatsappConnector().open(context);
        } catch (ChannelException e) {
            throw new AssertionError(e);
        }
    }

    /** A Graph API path under the scenario's version, e.g. {@code /v21.0/106540352242922/messages}. */
    static String graph(String path) {
        return "/" + WhatsappScenario.API_VERSION + "/" + path;
    }

    static String messagesPath() {
        return graph(WhatsappScenario.PHONE_NUMBER_ID + "/messages");
    }

    static String mediaUploadPath() {
        return graph(WhatsappScenario.PHONE_NUMBER_ID + "/media");
    }

    /** The events of an accepted webhook; fails the test on a rejection. */
    static java.util.List<InboundEvent> events(WebhookResult result) {
        if (result instanceof WebhookResult.Accepted accepted) {
            return accepted.events();
        }
        throw new AssertionError("expected the webhook to be accepted, got " + result);
    }

    java.util.List<InboundEvent> deliver(WebhookRequest request) {
        return events(connection.handleWebhook(request));
    }

    @Override
    public void close() {
        connection.close();
        provider.close();
        plugin.close();
    }
}
