package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;

class WebchatConnectorTest {

    private final WebchatConnector connector = new WebchatConnector();

    @Test
    void the_descriptor_is_a_live_website_chat_without_reply_window() {
        ChannelDescriptor descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("webchat");
        assertThat(descriptor.name()).isEqualTo("Website chat");
        assertThat(descriptor.identityKind()).isEqualTo(IdentityKind.WEBCHAT_VISITOR);
        assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(ChannelCapability.LIVE,
                ChannelCapability.DELIVERY_RECEIPTS);
        assertThat(descriptor.maxTextLength()).isEqualTo(5000);
        assertThat(descriptor.replyWindow()).isNull();
    }

    @Test
    void the_config_schema_has_its_stable_keys_types_and_defaults() {
        assertThat(connector.configSchema())
                .extracting(ConfigField::key, ConfigField::type, ConfigField::defaultValue, ConfigField::secret)
                .containsExactly(
                        tuple("widgetTitle", FieldType.TEXT, "Chat with us", false),
                        tuple("greeting", FieldType.TEXT, "Hi! How can we help?", false),
                        tuple("preChatForm", FieldType.BOOLEAN, "true", false),
                        tuple("allowedOrigins", FieldType.TEXT, "*", false),
                        tuple("signingKey", FieldType.GENERATED_SECRET, null, true));
    }

    @Test
    void validation_accepts_star_and_http_origins() {
        assertThat(connector.validate(config("allowedOrigins", "*"))).isEmpty();
        assertThat(connector.validate(config("allowedOrigins", "https://a.example.com, http://localhost:3000,")))
                .isEmpty();
        assertThat(connector.validate(new ChannelConfig(Map.of()))).isEmpty();
    }

    @Test
    void validation_names_an_origin_that_is_not_one() {
        List<ConfigProblem> problems =
                connector.validate(config("allowedOrigins", "https://a.example.com, example.com"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("allowedOrigins");
            assertThat(problem.message()).contains("'example.com'");
        });
    }

    @Test
    void validation_refuses_a_pre_chat_form_that_is_not_a_boolean() {
        assertThat(connector.validate(config("preChatForm", "maybe")))
                .extracting(ConfigProblem::key).containsExactly("preChatForm");
    }

    @Test
    void opening_without_a_signing_key_fails_with_a_message_for_the_admin() {
        var context = new FakeConnectionContext(Map.of(), new FakeHistory(), Clock.systemUTC());

        assertThatThrownBy(() -> connector.open(context))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("signingKey");
    }

    @Test
    void sending_to_a_visitor_succeeds_with_the_message_id_as_external_id() throws Exception {
        try (WebchatFixture chat = new WebchatFixture()) {
            Identity visitor = chat.newVisitor().identity();

            assertThat(chat.connection.send(outbound(visitor, List.of()))).isEqualTo(SendResult.sent("out-1"));
        }
    }

    @Test
    void sending_to_anyone_but_a_chat_visitor_fails_permanently() {
        try (WebchatFixture chat = new WebchatFixture()) {
            SendResult result = chat.connection.send(outbound(Identity.email("ada@example.com"), List.of()));

            assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                    failed -> assertThat(failed.retryable()).isFalse());
        }
    }

    @Test
    void sending_an_attachment_fails_permanently_instead_of_dropping_it() {
        try (WebchatFixture chat = new WebchatFixture()) {
            Identity visitor = chat.newVisitor().identity();
            var file = new Attachment("a.txt", "text/plain", new byte[] {1}, false, null);

            assertThat(chat.connection.send(outbound(visitor, List.of(file)))).isInstanceOfSatisfying(
                    SendResult.Failed.class, failed -> assertThat(failed.retryable()).isFalse());
        }
    }

    @Test
    void closing_twice_is_harmless() {
        WebchatFixture chat = new WebchatFixture();
        chat.close();
        chat.close();
        assertThat(chat.connection.health().healthy()).isTrue();
    }

    private static OutboundMessage outbound(Identity recipient, List<Attachment> attachments) {
        return new OutboundMessage("out-1", "c1", recipient, "Grace", "Hello", null, attachments, null);
    }

    private static ChannelConfig config(String key, String value) {
        return new ChannelConfig(Map.of(key, value));
    }
}
