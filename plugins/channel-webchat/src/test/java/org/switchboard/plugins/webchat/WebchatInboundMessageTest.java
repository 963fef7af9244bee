package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.webchat.WebchatFixture.accepted;
import static org.switchboard.plugins.webchat.WebchatFixture.rejected;
import static org.switchboard.plugins.webchat.WebchatFixture.replyJson;

import com.eclipsesource.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.WebhookResult;

class WebchatInboundMessageTest {

    private static final String HELLO = "{\"id\":\"3f6c1a9e-7b2d-4c1e-9a55-0d7e8f9a1b2c\","
            + "\"text\":\"Hello, my order is late\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}";

    private final WebchatFixture chat = new WebchatFixture();
    private final WebchatFixture.Visitor visitor = chat.newVisitor();

    @AfterEach
    void close() {
        chat.close();
    }

    private WebhookResult post(String body) {
        return chat.handle(TestRequest.post("/messages", body).as(visitor));
    }

    @Test
    void a_message_becomes_one_inbound_message_from_the_visitor() {
        WebhookResult.Accepted result = accepted(chat.handle(TestRequest.post("/messages", HELLO).as(visitor)
                .header("Origin", "https://shop.example.com")
                .header("User-Agent", "Mozilla/5.0 (test)")));

        assertThat(result.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class, message -> {
            assertThat(message.externalId()).isEqualTo(visitor.id() + ":3f6c1a9e-7b2d-4c1e-9a55-0d7e8f9a1b2c");
            assertThat(message.sender()).isEqualTo(new Identity(IdentityKind.WEBCHAT_VISITOR, visitor.id()));
            assertThat(message.senderName()).isEqualTo("Ada Lovelace");
            assertThat(message.otherIdentities()).containsExactly(Identity.email("ada@example.com"));
            assertThat(message.text()).isEqualTo("Hello, my order is late");
            assertThat(message.sentAt()).isEqualTo(WebchatFixture.NOW);
            assertThat(message.metadata()).containsEntry("origin", "https://shop.example.com")
                    .containsEntry("userAgent", "Mozilla/5.0 (test)");
        });
        assertThat(replyJson(result).getBoolean("ok", false)).isTrue();
    }

    @Test
    void a_message_without_name_or_email_has_no_sender_name_and_no_other_identities() {
        WebhookResult.Accepted result =
                accepted(post("{\"id\":\"a1\",\"text\":\"hi\",\"name\":\"  \",\"email\":null}"));

        InboundMessage message = (InboundMessage) result.events().getFirst();
        assertThat(message.senderName()).isNull();
        assertThat(message.otherIdentities()).isEmpty();
        assertThat(message.metadata()).isEmpty();
    }

    @Test
    void the_same_post_twice_has_the_same_external_id_so_the_host_stores_it_once() {
        InboundMessage first = (InboundMessage) accepted(post(HELLO)).events().getFirst();
        InboundMessage retry = (InboundMessage) accepted(post(HELLO)).events().getFirst();

        assertThat(retry.externalId()).isEqualTo(first.externalId());
    }

    @Test
    void text_is_kept_exactly_including_markup_and_unicode() {
        String text = "<b>bold?</b> \"quotes\" \\ emoji \uD83D\uDE00\nsecond line";
        InboundMessage message = (InboundMessage) accepted(post(
                Json.object().add("id", "x").add("text", text).toString())).events().getFirst();

        assertThat(message.text()).isEqualTo(text);
    }

    @Test
    void a_missing_token_is_refused_with_401() {
        WebhookResult result = chat.handle(TestRequest.post("/messages", HELLO).header("X-Visitor-Id", visitor.id()));

        assertThat(rejected(result).status()).isEqualTo(401);
    }

    @Test
    void a_token_of_another_visitor_is_refused_with_401() {
        WebchatFixture.Visitor other = chat.newVisitor();
        WebhookResult result = chat.handle(TestRequest.post("/messages", HELLO)
                .header("X-Visitor-Id", visitor.id()).header("X-Visitor-Token", other.token()));

        assertThat(rejected(result).status()).isEqualTo(401);
    }

    @Test
    void a_token_signed_with_another_key_is_refused_with_401() {
        WebchatFixture.Visitor stranger;
        try (WebchatFixture other = new WebchatFixture(Map.of(WebchatSettings.SIGNING_KEY, "other key"))) {
            stranger = other.newVisitor();
        }

        assertThat(rejected(chat.handle(TestRequest.post("/messages", HELLO).as(stranger))).status()).isEqualTo(401);
    }

    @Test
    void a_bad_token_is_refused_before_the_body_is_read() {
        WebhookResult result = chat.handle(TestRequest.post("/messages", "not json")
                .header("X-Visitor-Id", visitor.id()).header("X-Visitor-Token", "forged"));

        assertThat(rejected(result).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"id\":\"a\",\"text\":\"hi\"", "[1,2]", "\"text\""})
    void malformed_json_is_refused_with_400_and_a_reason(String body) {
        WebhookResult.Rejected rejected = rejected(post(body));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).containsAnyOf("JSON", "json");
    }

    @Test
    void deeply_nested_json_is_refused_with_400_instead_of_overflowing_the_parser() {
        String body = "{\"id\":\"a\",\"text\":\"hi\",\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";

        assertThat(rejected(post(body)).reason()).contains("nested");
    }

    @Test
    void blank_text_is_refused_with_400_and_a_reason() {
        WebhookResult.Rejected rejected = rejected(post("{\"id\":\"a1\",\"text\":\"  \\n \"}"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).contains("'text'").contains("blank");
    }

    @Test
    void missing_text_is_refused_with_400() {
        assertThat(rejected(post("{\"id\":\"a1\"}")).reason()).contains("'text'");
    }

    @Test
    void text_that_is_not_a_string_is_refused_with_400() {
        assertThat(rejected(post("{\"id\":\"a1\",\"text\":42}")).reason()).isEqualTo("'text' must be a string");
    }

    @Test
    void text_longer_than_5000_characters_is_refused_with_400_and_5000_are_accepted() {
        String body = "{\"id\":\"a1\",\"text\":\"%s\"}";

        assertThat(rejected(post(body.formatted("x".repeat(5001)))).reason()).contains("longer than 5000");
        assertThat(accepted(post(body.formatted("x".repeat(5000)))).events()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"hi\"}", "{\"id\":\"\",\"text\":\"hi\"}", "{\"id\":\"a b\",\"text\":\"hi\"}",
            "{\"id\":\"a:b\",\"text\":\"hi\"}"})
    void a_missing_or_invalid_message_id_is_refused_with_400(String body) {
        WebhookResult.Rejected rejected = rejected(post(body));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).contains("'id'");
    }

    @Test
    void a_message_id_longer_than_64_characters_is_refused_and_64_are_accepted() {
        String body = "{\"id\":\"%s\",\"text\":\"hi\"}";

        assertThat(rejected(post(body.formatted("a".repeat(65)))).reason()).contains("'id'");
        assertThat(accepted(post(body.formatted("a".repeat(64)))).events()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada @example.com", "a@b@example.com",
            "ada@.example.com", "ada@example..com"})
    void an_implausible_email_is_refused_with_400(String email) {
        WebhookResult.Rejected rejected = rejected(post(
                Json.object().add("id", "a1").add("text", "hi").add("email", email).toString()));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).contains("'email'");
    }

    @Test
    void a_plausible_email_is_accepted_trimmed() {
        String body = "{\"id\":\"a1\",\"text\":\"hi\",\"email\":\" grace.hopper+chat@mail.example.co.uk \"}";
        InboundMessage message = (InboundMessage) accepted(post(body)).events().getFirst();

        assertThat(message.otherIdentities())
                .isEqualTo(List.of(Identity.email("grace.hopper+chat@mail.example.co.uk")));
    }

    @Test
    void a_huge_body_is_refused_with_413() {
        String body = "{\"id\":\"a1\",\"text\":\"hi\",\"padding\":\"" + "x".repeat(70_000) + "\"}";

        assertThat(rejected(post(body)).status()).isEqualTo(413);
    }
}
