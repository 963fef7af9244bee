package org.switchboard.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * What every channel connector must do, checked against a {@link ChannelScenario} that plays its provider on a
 * local {@link ProviderStub}. Extend it in the plugin's tests:
 *
 * <pre>{@code
 * class AcmeContractTest extends ChannelConnectorContract {
 *     protected ChannelConnector connector() { return new AcmeConnector(); }
 *     protected ChannelScenario scenario() { return new AcmeScenario(); }
 * }
 * }</pre>
 *
 * Webhook checks are skipped (not passed) for connectors whose scenario says they receive otherwise.
 */
public abstract class ChannelConnectorContract {

    /** The webhook URL the test account has. */
    protected static final URI WEBHOOK_URL = URI.create("https://portal.example.test/hooks/test-account");

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ProviderStub provider;
    private TestConnectionContext context;
    private ChannelConnection connection;
    private ChannelScenario scenario;

    /** A new instance of the connector under test. */
    protected abstract ChannelConnector connector();

    /** The scenario playing its provider. */
    protected abstract ChannelScenario scenario();

    /** The provider stub of the current test. */
    protected final ProviderStub provider() {
        return provider;
    }

    /** The host context of the current test's connection. */
    protected final TestConnectionContext context() {
        return context;
    }

    /** The connection opened for the current test. */
    protected final ChannelConnection connection() {
        return connection;
    }

    @BeforeEach
    final void openConnection() throws ChannelException {
        scenario = scenario();
        provider = ProviderStub.start();
        toClose.add(provider);
        TestPluginContext plugin = new TestPluginContext("contract-" + scenario.connectorId());
        toClose.add(plugin);
        context = new TestConnectionContext(scenario.config(provider.baseUrl()), WEBHOOK_URL, plugin);
        connection = connector().open(context);
        toClose.add(connection);
    }

    @AfterEach
    final void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        toClose.clear();
    }

    // ---- configuration ------------------------------------------------------------------------------------

    @Test
    void descriptorNamesTheScenariosConnectorAndSchemaKeysAreUnique() {
        ChannelConnector connector = connector();
        assertThat(connector.descriptor().id()).isEqualTo(scenario.connectorId());
        List<String> keys = connector.configSchema().stream().map(ConfigField::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).isNotBlank());
        assertThat(connector.configSchema()).allSatisfy(field -> assertThat(field.label()).isNotBlank());
    }

    @Test
    void secretValuesAreDeclaredSecretInTheSchema() {
        Set<String> secretFields = new HashSet<>();
        connector().configSchema().stream().filter(ConfigField::secret).forEach(f -> secretFields.add(f.key()));
        assertThat(secretFields).containsAll(scenario.secretKeys());
    }

    @Test
    void validConfigurationHasNoProblems() {
        List<ConfigProblem> problems = connector().validate(new ChannelConfig(scenario.config(provider.baseUrl())));
        assertThat(problems).isEmpty();
    }

    @Test
    void missingRequiredValueIsReportedNotACrash() {
        Map<String, String> valid = scenario.config(provider.baseUrl());
        for (ConfigField field : connector().configSchema()) {
            if (!field.required() || field.defaultValue() != null || !valid.containsKey(field.key())) {
                continue;
            }
            Map<String, String> missing = new HashMap<>(valid);
            missing.remove(field.key());
            ChannelConfig config = new ChannelConfig(missing);
            boolean reported = connector().validate(config).stream().anyMatch(p -> field.key().equals(p.key()));
            if (!reported) {
                // Not reported by validation: opening must then fail as a ChannelException, not an NPE.
                TestConnectionContext without = new TestConnectionContext(missing, WEBHOOK_URL, context.plugin());
                assertThatThrownBy(() -> connector().open(without).close())
                        .as("opening without required '%s'", field.key())
                        .isInstanceOf(ChannelException.class);
            }
        }
    }

    @Test
    void secretsNeverAppearInWhatTheConnectionSays() {
        List<String> said = new ArrayList<>();
        said.add(connection.toString());
        said.add(String.valueOf(connection.health().detail()));
        said.add(new ChannelConfig(scenario.config(provider.baseUrl())).toString());
        if (scenario.receivesWebhooks()) {
            WebhookRequest valid = scenario.inboundText(WEBHOOK_URL, newProviderId(), scenario.sampleSender(), "hi");
            said.add(describeResult(connection.handleWebhook(scenario.withWrongSignature(valid))));
            said.add(describeResult(connection.handleWebhook(scenario.malformed(WEBHOOK_URL))));
            said.add(describeResult(connection.handleWebhook(valid)));
        }
        scenario.arrangeSend(provider, SendOutcome.PERMANENT);
        said.add(String.valueOf(connection.send(outbound("hello"))));
        Map<String, String> config = scenario.config(provider.baseUrl());
        for (String key : scenario.secretKeys()) {
            String secret = config.get(key);
            if (secret != null && secret.length() >= 6) {
                assertThat(said).as("what the connection says must not contain secret '%s'", key)
                        .noneMatch(text -> text.contains(secret));
            }
        }
    }

    // ---- webhooks -----------------------------------------------------------------------------------------

    @Test
    void validDeliveryBecomesOneCanonicalMessage() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        String providerId = newProviderId();
        String sender = scenario.sampleSender();
        WebhookResult result = connection.handleWebhook(
                scenario.inboundText(WEBHOOK_URL, providerId, sender, "Where is my order 1234?"));
        List<InboundEvent> events = accepted(result);
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(InboundMessage.class, message -> {
            assertThat(message.externalId()).isEqualTo(scenario.expectedExternalId(providerId));
            assertThat(message.sender()).isEqualTo(scenario.expectedSender(sender));
            assertThat(message.text()).isEqualTo("Where is my order 1234?");
        });
        assertThat(context.pushed()).as("webhook events are returned, not pushed").isEmpty();
    }

    @Test
    void sameDeliveryTwiceYieldsTheSameExternalIds() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        WebhookRequest delivery = scenario.inboundText(WEBHOOK_URL, newProviderId(), scenario.sampleSender(), "once");
        List<String> first = externalIds(accepted(connection.handleWebhook(delivery)));
        List<String> second = externalIds(accepted(connection.handleWebhook(delivery)));
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void documentedSamplesBecomeTheExpectedEvents() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        for (WebhookFixture fixture : scenario.documentedFixtures(WEBHOOK_URL)) {
            List<InboundEvent> events = accepted(connection.handleWebhook(fixture.request()));
            assertThat(CanonicalEvents.describe(events)).as(fixture.name())
                    .isEqualTo(CanonicalEvents.describe(fixture.expected()));
        }
    }

    @Test
    void missingSignatureIsRefusedAndNothingEmitted() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        WebhookRequest valid = scenario.inboundText(WEBHOOK_URL, newProviderId(), scenario.sampleSender(), "x");
        assertRefusedAsUnauthenticated(connection.handleWebhook(scenario.withoutSignature(valid)));
    }

    @Test
    void wrongSignatureIsRefusedAndNothingEmitted() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        WebhookRequest valid = scenario.inboundText(WEBHOOK_URL, newProviderId(), scenario.sampleSender(), "x");
        assertRefusedAsUnauthenticated(connection.handleWebhook(scenario.withWrongSignature(valid)));
    }

    @Test
    void malformedPayloadIsRefusedWith400AndAReason() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        WebhookResult result = connection.handleWebhook(scenario.malformed(WEBHOOK_URL));
        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.reason()).isNotBlank();
        });
        assertThat(context.pushed()).isEmpty();
    }

    @Test
    void statusCallbackBecomesAStatusUpdate() {
        assumeTrue(scenario.receivesWebhooks(), "receives no webhooks");
        String providerId = newProviderId();
        Optional<WebhookRequest> callback = scenario.statusUpdate(WEBHOOK_URL, providerId, DeliveryStatus.DELIVERED);
        assumeTrue(callback.isPresent(), "the channel reports no delivery status");
        List<InboundEvent> events = accepted(connection.handleWebhook(callback.get()));
        assertThat(events).singleElement().isInstanceOfSatisfying(StatusUpdate.class, update -> {
            assertThat(update.externalMessageId()).isEqualTo(providerId);
            assertThat(update.status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
    }

    // ---- sending ------------------------------------------------------------------------------------------

    @Test
    void acceptedSendReturnsTheProvidersMessageId() {
        scenario.arrangeSend(provider, SendOutcome.ACCEPTED);
        SendResult result = connection.send(outbound("Your order ships today."));
        assertThat(result).isEqualTo(SendResult.sent(scenario.acceptedMessageId()));
    }

    @Test
    void rateLimitOrServerErrorIsRetryable() {
        scenario.arrangeSend(provider, SendOutcome.RETRYABLE);
        SendResult result = connection.send(outbound("Your order ships today."));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).as("retryable: " + failed.reason()).isTrue());
    }

    @Test
    void refusalIsPermanentWithTheProvidersReason() {
        scenario.arrangeSend(provider, SendOutcome.PERMANENT);
        SendResult result = connection.send(outbound("Your order ships today."));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).as("retryable: " + failed.reason()).isFalse();
            assertThat(failed.reason()).contains(scenario.permanentReason());
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** An outbound text message to the scenario's recipient. */
    protected OutboundMessage outbound(String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), "42", scenario.recipient(), "Agent Smith", text,
                null, List.of(), new ThreadingHints("Your order", null, null, List.of()));
    }

    private void assertRefusedAsUnauthenticated(WebhookResult result) {
        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isIn(401, 403));
        assertThat(context.pushed()).isEmpty();
    }

    private static List<InboundEvent> accepted(WebhookResult result) {
        assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
        return ((WebhookResult.Accepted) result).events();
    }

    private static List<String> externalIds(List<InboundEvent> events) {
        return events.stream().map(e -> switch (e) {
            case InboundMessage m -> m.externalId();
            case StatusUpdate s -> s.externalMessageId();
        }).toList();
    }

    private static String describeResult(WebhookResult result) {
        return switch (result) {
            case WebhookResult.Rejected r -> r.status() + " " + r.reason();
            case WebhookResult.Accepted a -> CanonicalEvents.describe(a.events()) + " "
                    + a.events().stream().filter(InboundMessage.class::isInstance)
                            .map(e -> ((InboundMessage) e).metadata().toString()).toList()
                    + " " + new String(a.reply().body(), java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    /** A fresh provider-style message id. */
    protected static String newProviderId() {
        return "kit" + Long.toHexString(Instant.now().toEpochMilli()) + UUID.randomUUID().toString().substring(0, 8);
    }
}
