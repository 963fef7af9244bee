package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

class TwilioSettingsTest {

    private final TwilioSmsConnector connector = new TwilioSmsConnector();

    private static Map<String, String> valid() {
        return new HashMap<>(new TwilioSmsScenario().config(URI.create("https://api.twilio.com")));
    }

    private List<String> problemKeys(Map<String, String> values) {
        return connector.validate(new ChannelConfig(values)).stream().map(ConfigProblem::key).toList();
    }

    @Test
    void the_descriptor_is_sms_over_phone_numbers_with_delivery_receipts_only() {
        assertThat(connector.descriptor().id()).isEqualTo("sms-twilio");
        assertThat(connector.descriptor().identityKind()).isEqualTo(IdentityKind.PHONE);
        assertThat(connector.descriptor().capabilities()).containsExactly(ChannelCapability.DELIVERY_RECEIPTS);
        assertThat(connector.descriptor().maxTextLength()).isEqualTo(1600);
        assertThat(connector.descriptor().replyWindow()).isNull();
    }

    @Test
    void urls_are_url_fields_with_the_production_api_as_default_and_the_token_is_secret() {
        Map<String, ConfigField> fields = new HashMap<>();
        connector.configSchema().forEach(f -> fields.put(f.key(), f));
        assertThat(fields.get("apiBaseUrl").type()).isEqualTo(FieldType.URL);
        assertThat(fields.get("apiBaseUrl").defaultValue()).isEqualTo("https://api.twilio.com");
        assertThat(fields.get("apiBaseUrl").required()).isFalse();
        assertThat(fields.get("publicBaseUrl").type()).isEqualTo(FieldType.URL);
        assertThat(fields.get("authToken").secret()).isTrue();
        assertThat(fields.get("maxSegments").defaultValue()).isEqualTo("10");
        assertThat(fields.keySet()).containsExactlyInAnyOrder("accountSid", "authToken", "fromNumber",
                "messagingServiceSid", "publicBaseUrl", "apiBaseUrl", "maxSegments");
    }

    @Test
    void a_sender_is_required_either_as_number_or_as_messaging_service() {
        Map<String, String> none = valid();
        none.remove("fromNumber");
        assertThat(problemKeys(none)).containsExactly("fromNumber");
        none.put("messagingServiceSid", "MG9752274e9e519418a7406176694466fa");
        assertThat(problemKeys(none)).isEmpty();
    }

    @Test
    void malformed_values_are_reported_on_their_field() {
        Map<String, String> values = valid();
        values.put("accountSid", "SK123");
        values.put("fromNumber", "0155 1234567");
        values.put("messagingServiceSid", "service-1");
        values.put("publicBaseUrl", "https://sms.example.org/hook?x=1");
        values.put("apiBaseUrl", "ftp://api.twilio.com");
        values.put("maxSegments", "0");
        assertThat(problemKeys(values)).containsExactlyInAnyOrder("accountSid", "fromNumber",
                "messagingServiceSid", "publicBaseUrl", "apiBaseUrl", "maxSegments");
    }

    @Test
    void no_problem_message_quotes_the_auth_token() {
        Map<String, String> values = valid();
        values.put("accountSid", "wrong");
        assertThat(connector.validate(new ChannelConfig(values))).extracting(ConfigProblem::message)
                .noneMatch(message -> message.contains(TwilioSmsScenario.AUTH_TOKEN));
    }

    @Test
    void opening_an_invalid_configuration_is_a_channel_exception_naming_the_field() {
        Map<String, String> values = valid();
        values.put("maxSegments", "lots");
        try (TestPluginContext plugin = new TestPluginContext("channel-sms-twilio")) {
            TestConnectionContext context = new TestConnectionContext(values, TwilioFixture.WEBHOOK_URL, plugin);
            assertThatThrownBy(() -> connector.open(context)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("maxSegments");
        }
    }

    @Test
    void settings_never_print_the_token_and_drop_a_trailing_slash() {
        Map<String, String> values = valid();
        values.put("publicBaseUrl", "https://sms.example.org/twilio/");
        values.put("apiBaseUrl", "https://api.twilio.com/");
        TwilioSettings settings = TwilioSettings.from(new ChannelConfig(values));
        assertThat(settings.toString()).doesNotContain(TwilioSmsScenario.AUTH_TOKEN);
        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("https://sms.example.org/twilio"));
        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(settings.maxSegments()).isEqualTo(10);
    }
}
