package org.switchboard.plugins.metamessenger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;
import org.switchboard.plugins.metamessenger.scenario.MetaScenario;

/** A real connection of one connector against a {@link ProviderStub} playing Meta, configured by a scenario. */
final class Testbed implements AutoCloseable {

    static final URI WEBHOOK_URL = URI.create("https://portal.example.test/hooks/acc-1");

    final MetaScenario scenario;
    final ProviderStub meta = ProviderStub.start();
    final TestPluginContext plugin = new TestPluginContext("channel-meta-messenger");
    final TestConnectionContext context;
    final ChannelConnection connection;

    Testbed(ChannelConnector connector, MetaScenario scenario) throws ChannelException {
        this(connector, scenario, Map.of());
    }

    Testbed(ChannelConnector connector, MetaScenario scenario, Map<String, String> overrides) throws ChannelException {
        this.scenario = scenario;
        Map<String, String> config = new HashMap<>(scenario.config(meta.baseUrl()));
        config.putAll(overrides);
        this.context = new TestConnectionContext(config, WEBHOOK_URL, plugin);
        this.connection = connector.open(context);
    }

    /** Posts one signed messaging event and returns the events, failing if the request is rejected. */
    List<InboundEvent> deliver(String messagingEvent) {
        return accepted(connection.handleWebhook(scenario.signedDelivery(WEBHOOK_URL, messagingEvent)));
    }

    /** Posts a signed payload and returns the events, failing if the request is rejected. */
    List<InboundEvent> deliverPayload(String payload) {
        return accepted(connection.handleWebhook(scenario.signed(WEBHOOK_URL, payload)));
    }

    /** The single message a delivery became. */
    InboundMessage deliverMessage(String messagingEvent) {
        List<InboundEvent> events = deliver(messagingEvent);
        if (events.size() != 1 || !(events.getFirst() instanceof InboundMessage message)) {
            throw new AssertionError("expected one message, got " + events);
        }
        return message;
    }

    static List<InboundEvent> accepted(WebhookResult result) {
        if (!(result instanceof WebhookResult.Accepted accepted)) {
            throw new AssertionError("expected the webhook to be accepted, got " + result);
        }
        return accepted.events();
    }

    static String body(org.switchboard.plugin.testkit.RecordedRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /** A messaging event from {@code sender} to the account. */
    String fromCustomer(String sender, String eventFields) {
        return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + scenario.accountId()
                + "\"},\"timestamp\":1458692752478," + eventFields + "}";
    }

    @Override
    public void close() {
        connection.close();
        meta.close();
        plugin.close();
    }
}
