package org.switchboard.plugins.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

class TelegramSettingsTest {

    private static Map<String, String> valid() {
        return new HashMap<>(new TelegramScenario().config(URI.create("https://api.telegram.org")));
    }

    @Test
    void a_pasted_bot_name_instead_of_a_token_is_reported_without_repeating_it() {
        Map<String, String> config = valid();
        config.put("botToken", "@acme_support_bot");

        assertThat(new TelegramConnector().validate(new ChannelConfig(config)))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("botToken");
                    assertThat(problem.message()).doesNotContain("acme_support_bot");
                });
    }

    @Test
    void a_webhook_secret_telegram_would_refuse_is_reported() {
        Map<String, String> config = valid();
        config.put("webhookSecret", "has spaces and ümlauts");

        assertThat(new TelegramConnector().validate(new ChannelConfig(config))).extracting(ConfigProblem::key)
                .containsExactly("webhookSecret");
    }

    @Test
    void the_api_url_defaults_to_telegram_and_a_trailing_slash_is_ignored() {
        Map<String, String> config = valid();
        config.remove("apiBaseUrl");
        assertThat(TelegramSettings.from(new ChannelConfig(config)).apiBaseUrl())
                .isEqualTo(URI.create("https://api.telegram.org"));
        config.put("apiBaseUrl", "http://localhost:8081/");
        assertThat(TelegramSettings.from(new ChannelConfig(config)).apiBaseUrl())
                .isEqualTo(URI.create("http://localhost:8081"));
    }

    @Test
    void opening_with_a_broken_token_fails_with_a_reason_naming_the_key_not_the_value() {
        Map<String, String> config = valid();
        config.put("botToken", "not-a-token-value");
        try (TestPluginContext plugin = new TestPluginContext("t")) {
            assertThatThrownBy(() -> new TelegramConnector().open(
                    new TestConnectionContext(config, TelegramAccount.WEBHOOK_URL, plugin)))
                    .isInstanceOf(ChannelException.class).hasMessageContaining("botToken")
                    .hasMessageNotContaining("not-a-token-value");
        }
    }

    @Test
    void settings_never_print_their_secrets() {
        String printed = TelegramSettings.from(new ChannelConfig(valid())).toString();
        assertThat(printed).doesNotContain(TelegramScenario.BOT_TOKEN).doesNotContain(TelegramScenario.WEBHOOK_SECRET);
    }

    @Test
    void the_descriptor_promises_attachments_but_no_receipts_and_telegrams_text_limit() {
        var descriptor = new TelegramConnector().descriptor();
        assertThat(descriptor.capabilities()).containsExactly(ChannelCapability.ATTACHMENTS);
        assertThat(descriptor.maxTextLength()).isEqualTo(4096);
        assertThat(descriptor.replyWindow()).isNull();
        assertThat(descriptor.identityKind().id()).isEqualTo("telegram");
    }
}
