package org.switchboard.plugins.metamessenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
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
import org.switchboard.plugins.metamessenger.scenario.InstagramScenario;
import org.switchboard.plugins.metamessenger.scenario.MessengerScenario;

class ConnectorsTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9");

    @Test
    void messenger_is_a_24_hour_window_channel_with_receipts_and_files() {
        var descriptor = new MessengerConnector().descriptor();

        assertThat(descriptor.id()).isEqualTo("messenger");
        assertThat(descriptor.identityKind()).isEqualTo(new IdentityKind("messenger-psid"));
        assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(ChannelCapability.ATTACHMENTS,
                ChannelCapability.DELIVERY_RECEIPTS, ChannelCapability.READ_RECEIPTS);
        assertThat(descriptor.maxTextLength()).isEqualTo(2000);
        assertThat(descriptor.replyWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void instagram_has_read_receipts_only_and_1000_as_its_limit() {
        var descriptor = new InstagramConnector().descriptor();

        assertThat(descriptor.id()).isEqualTo("instagram");
        assertThat(descriptor.identityKind()).isEqualTo(new IdentityKind("instagram-igsid"));
        assertThat(descriptor.capabilities()).containsExactly(ChannelCapability.READ_RECEIPTS);
        assertThat(descriptor.maxTextLength()).isEqualTo(1000);
        assertThat(descriptor.replyWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void the_messenger_schema_has_its_stable_keys_secrets_and_defaults() {
        assertThat(new MessengerConnector().configSchema())
                .extracting(ConfigField::key, ConfigField::type, ConfigField::secret, ConfigField::defaultValue)
                .containsExactly(
                        tuple("pageId", FieldType.TEXT, false, null),
                        tuple("pageAccessToken", FieldType.TEXT, true, null),
                        tuple("appSecret", FieldType.TEXT, true, null),
                        tuple("verifyToken", FieldType.GENERATED_SECRET, true, null),
                        tuple("apiBaseUrl", FieldType.URL, false, "https://graph.facebook.com"),
                        tuple("apiVersion", FieldType.TEXT, false, "v21.0"),
                        tuple("fetchProfiles", FieldType.BOOLEAN, false, "true"));
    }

    @Test
    void the_instagram_schema_calls_graph_instagram_com_with_a_user_token() {
        assertThat(new InstagramConnector().configSchema())
                .extracting(ConfigField::key, ConfigField::secret, ConfigField::defaultValue)
                .contains(tuple("igUserId", false, null), tuple("accessToken", true, null),
                        tuple("apiBaseUrl", false, "https://graph.instagram.com"));
    }

    @Test
    void validation_names_each_unusable_value() {
        Map<String, String> config = new HashMap<>(new MessengerScenario().config(BASE));
        config.put("pageId", "my-shop");
        config.put("apiBaseUrl", "graph.facebook.com");
        config.put("apiVersion", "21");
        config.put("fetchProfiles", "maybe");
        config.remove("appSecret");

        assertThat(new MessengerConnector().validate(new ChannelConfig(config))).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("pageId", "apiBaseUrl", "apiVersion", "fetchProfiles", "appSecret");
    }

    @Test
    void the_scenarios_configurations_are_valid() {
        assertThat(new MessengerConnector().validate(new ChannelConfig(new MessengerScenario().config(BASE))))
                .isEmpty();
        assertThat(new InstagramConnector().validate(new ChannelConfig(new InstagramScenario().config(BASE))))
                .isEmpty();
    }

    @Test
    void opening_without_the_generated_verify_token_fails_with_a_message_for_the_admin() {
        Map<String, String> config = new HashMap<>(new MessengerScenario().config(BASE));
        config.remove("verifyToken");
        try (TestPluginContext plugin = new TestPluginContext("channel-meta-messenger")) {
            assertThatThrownBy(() -> new MessengerConnector().open(
                    new TestConnectionContext(config, Testbed.WEBHOOK_URL, plugin)))
                    .isInstanceOf(ChannelException.class)
                    .hasMessageContaining("Facebook Messenger cannot start").hasMessageContaining("verifyToken");
        }
    }

    @Test
    void settings_never_print_their_secrets() {
        MetaSettings settings = MetaSettings.from(MetaNetwork.MESSENGER,
                new ChannelConfig(new MessengerScenario().config(BASE)));

        assertThat(settings.toString()).contains(MessengerScenario.PAGE_ID)
                .doesNotContain(MessengerScenario.PAGE_ACCESS_TOKEN).doesNotContain("scenario-app-secret")
                .doesNotContain("scenario-verify-token");
    }

    @Test
    void a_trailing_slash_on_the_base_url_is_ignored() {
        Map<String, String> config = new HashMap<>(new MessengerScenario().config(BASE));
        config.put("apiBaseUrl", "https://graph.facebook.com/");

        assertThat(MetaSettings.from(MetaNetwork.MESSENGER, new ChannelConfig(config)).apiBaseUrl())
                .isEqualTo(URI.create("https://graph.facebook.com"));
    }

    @Test
    void mime_types_map_to_the_send_apis_attachment_types() {
        assertThat(ReplySender.attachmentType("image/jpeg")).isEqualTo("image");
        assertThat(ReplySender.attachmentType("audio/mpeg")).isEqualTo("audio");
        assertThat(ReplySender.attachmentType("video/mp4")).isEqualTo("video");
        assertThat(ReplySender.attachmentType("application/pdf")).isEqualTo("file");
    }
}
