package org.switchboard.plugins.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

class WhatsappConnectorTest {

    private final WhatsappConnector connector = new WhatsappConnector();

    @Test
    void the_descriptor_is_a_phone_channel_with_a_24_hour_window_and_templates() {
        ChannelDescriptor descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("whatsapp");
        assertThat(descriptor.identityKind()).isEqualTo(IdentityKind.PHONE);
        assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(ChannelCapability.ATTACHMENTS,
                ChannelCapability.DELIVERY_RECEIPTS, ChannelCapability.READ_RECEIPTS, ChannelCapability.TEMPLATES);
        assertThat(descriptor.maxTextLength()).isEqualTo(4096);
        assertThat(descriptor.replyWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void the_config_schema_has_its_stable_keys_and_marks_the_secrets() {
        assertThat(connector.configSchema())
                .extracting(ConfigField::key, ConfigField::type, ConfigField::required, ConfigField::secret,
                        ConfigField::defaultValue)
                .containsExactly(
                        tuple("phoneNumberId", FieldType.TEXT, true, false, null),
                        tuple("businessAccountId", FieldType.TEXT, true, false, null),
                        tuple("accessToken", FieldType.TEXT, true, true, null),
                        tuple("appSecret", FieldType.TEXT, true, true, null),
                        tuple("verifyToken", FieldType.GENERATED_SECRET, true, true, null),
                        tuple("apiBaseUrl", FieldType.URL, false, false, "https://graph.facebook.com"),
                        tuple("apiVersion", FieldType.TEXT, false, false, "v21.0"));
    }

    @Test
    void validation_names_each_unusable_value() {
        Map<String, String> config = new HashMap<>(new WhatsappScenario().config(URI.create("https://x.test")));
        config.put("phoneNumberId", "+1 555 078 3881");
        config.put("apiBaseUrl", "ftp://graph.facebook.com");
        config.put("apiVersion", "21");
        config.remove("appSecret");

        List<ConfigProblem> problems = connector.validate(new ChannelConfig(config));

        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("phoneNumberId", "apiBaseUrl", "apiVersion", "appSecret");
        assertThat(problems).filteredOn(p -> p.key().equals("phoneNumberId")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not the phone number"));
    }

    @Test
    void defaults_apply_when_the_base_url_and_version_are_left_empty() {
        Map<String, String> config = new HashMap<>(new WhatsappScenario().config(URI.create("https://x.test")));
        config.remove("apiBaseUrl");
        config.remove("apiVersion");

        WhatsappSettings settings = WhatsappSettings.from(new ChannelConfig(config));

        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(settings.apiVersion()).isEqualTo("v21.0");
        assertThat(settings.toString()).doesNotContain(WhatsappScenario.ACCESS_TOKEN, WhatsappScenario.APP_SECRET,
                WhatsappScenario.VERIFY_TOKEN);
    }

    @Test
    void opening_with_an_unusable_configuration_is_a_channel_exception_naming_the_key() {
        Map<String, String> config = new HashMap<>(new WhatsappScenario().config(URI.create("https://x.test")));
        config.remove("accessToken");
        try (TestPluginContext plugin = new TestPluginContext("channel-whatsapp")) {
            TestConnectionContext context = new TestConnectionContext(config, WhatsappAccount.WEBHOOK_URL, plugin);

            assertThatThrownBy(() -> connector.open(context)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("accessToken");
        }
    }

    @Test
    void health_asks_meta_about_the_phone_number() {
        try (WhatsappAccount account = new WhatsappAccount()) {
            account.provider.once("GET", WhatsappAccount.graph(WhatsappScenario.PHONE_NUMBER_ID), Answer.json(200,
                    "{\"display_phone_number\":\"15550783881\",\"verified_name\":\"Lucky Shrub\","
                            + "\"quality_rating\":\"GREEN\",\"id\":\"106540352242922\"}"));

            assertThat(account.connection.health()).isEqualTo(ConnectionHealth.ok());
            RecordedRequest request = account.provider.takeRequest(1);
            assertThat(request.header("Authorization")).contains("Bearer " + WhatsappScenario.ACCESS_TOKEN);
        }
    }

    @Test
    void health_reports_a_rejected_token_without_revealing_it() {
        try (WhatsappAccount account = new WhatsappAccount()) {
            account.provider.once("GET", WhatsappAccount.graph(WhatsappScenario.PHONE_NUMBER_ID), Answer.json(401,
                    WhatsappScenario.graphError("Invalid OAuth access token - Cannot parse access token", 190,
                            "bad token " + WhatsappScenario.ACCESS_TOKEN)));

            ConnectionHealth health = account.connection.health();

            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).contains("rejected the access token")
                    .doesNotContain(WhatsappScenario.ACCESS_TOKEN);
        }
    }

    @Test
    void health_gives_up_on_a_slow_provider_within_a_few_seconds() {
        try (WhatsappAccount account = new WhatsappAccount()) {
            account.provider.always("GET", WhatsappAccount.graph(WhatsappScenario.PHONE_NUMBER_ID), request -> {
                WhatsappSendTest.sleep(Duration.ofSeconds(8));
                return Answer.json(200, "{}");
            });

            long started = System.nanoTime();
            ConnectionHealth health = account.connection.health();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).contains("could not be reached");
        }
    }
}
