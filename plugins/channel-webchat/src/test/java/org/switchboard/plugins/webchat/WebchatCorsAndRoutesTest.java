package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.webchat.WebchatFixture.accepted;
import static org.switchboard.plugins.webchat.WebchatFixture.rejected;
import static org.switchboard.plugins.webchat.WebchatFixture.replyJson;

import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookResult;

class WebchatCorsAndRoutesTest {

    private static final String SHOP = "https://shop.example.com";
    private static final String ELSEWHERE = "https://evil.example.net";

    private final WebchatFixture chat = new WebchatFixture(Map.of(
            WebchatSettings.ALLOWED_ORIGINS, SHOP + ", http://localhost:8080",
            WebchatSettings.WIDGET_TITLE, "Talk to <Acme> \"support\"",
            WebchatSettings.GREETING, "",
            WebchatSettings.PRE_CHAT_FORM, "false"));

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_204_with_the_cors_headers() {
        WebhookReply reply = accepted(chat.handle(TestRequest.options("/messages")
                .header("Origin", SHOP)
                .header("Access-Control-Request-Method", "POST"))).reply();

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.headers())
                .containsEntry("Access-Control-Allow-Origin", SHOP)
                .containsEntry("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", "Content-Type, X-Visitor-Id, X-Visitor-Token")
                .containsEntry("Access-Control-Max-Age", "600")
                .containsEntry("Vary", "Origin");
    }

    @Test
    void a_preflight_from_a_disallowed_origin_is_refused_with_403() {
        assertThat(rejected(chat.handle(TestRequest.options("/messages").header("Origin", ELSEWHERE))).status())
                .isEqualTo(403);
    }

    @Test
    void a_post_from_a_disallowed_origin_is_refused_with_403_and_no_events() {
        WebchatFixture.Visitor visitor = chat.newVisitor();

        WebhookResult result = chat.handle(TestRequest.post("/messages", "{\"id\":\"a\",\"text\":\"hi\"}")
                .as(visitor).header("Origin", ELSEWHERE));

        assertThat(rejected(result).status()).isEqualTo(403);
        assertThat(rejected(chat.handle(TestRequest.post("/session", "").header("Origin", ELSEWHERE))).status())
                .isEqualTo(403);
    }

    @Test
    void a_reply_to_an_allowed_origin_carries_the_cors_headers() {
        WebhookReply reply = accepted(chat.handle(TestRequest.post("/session", "").header("Origin", SHOP))).reply();

        assertThat(reply.headers()).containsEntry("Access-Control-Allow-Origin", SHOP).containsEntry("Vary", "Origin");
    }

    @Test
    void origins_are_compared_as_browsers_send_them() {
        WebhookReply reply = accepted(chat.handle(TestRequest.post("/session", "")
                .header("Origin", "http://localhost:8080"))).reply();

        assertThat(reply.headers()).containsEntry("Access-Control-Allow-Origin", "http://localhost:8080");
        assertThat(rejected(chat.handle(TestRequest.post("/session", "").header("Origin", "http://localhost:9090")))
                .status()).isEqualTo(403);
    }

    @Test
    void with_any_origin_allowed_the_request_origin_is_echoed() {
        try (WebchatFixture open = new WebchatFixture(Map.of(WebchatSettings.ALLOWED_ORIGINS, "*"))) {
            WebhookReply reply = accepted(open.handle(TestRequest.options("/session").header("Origin", ELSEWHERE)))
                    .reply();

            assertThat(reply.headers()).containsEntry("Access-Control-Allow-Origin", ELSEWHERE);
        }
    }

    @Test
    void the_widget_script_is_served_from_the_plugin_jar_to_any_page() {
        WebhookReply reply = accepted(chat.handle(TestRequest.get("/widget.js").header("Origin", ELSEWHERE))).reply();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/javascript; charset=utf-8");
        assertThat(reply.headers()).containsEntry("Cache-Control", "public, max-age=300")
                .doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                .contains("document.currentScript", "attachShadow", "sb-chat-launcher");
    }

    @Test
    void the_config_tells_the_widget_its_title_greeting_and_form_escaped() {
        JsonObject config = replyJson(chat.handle(TestRequest.get("/config")));

        assertThat(config.getString("title", null)).isEqualTo("Talk to <Acme> \"support\"");
        assertThat(config.getString("greeting", null)).isEmpty();
        assertThat(config.getBoolean("preChatForm", true)).isFalse();
        assertThat(new String(accepted(chat.handle(TestRequest.get("/config"))).reply().body(), StandardCharsets.UTF_8))
                .contains("\\\"support\\\"");
    }

    @Test
    void the_config_has_defaults_for_what_the_admin_left_out() {
        try (WebchatFixture plain = new WebchatFixture()) {
            JsonObject config = replyJson(plain.handle(TestRequest.get("/config")));

            assertThat(config.getString("title", null)).isEqualTo("Chat with us");
            assertThat(config.getString("greeting", null)).isEqualTo("Hi! How can we help?");
            assertThat(config.getBoolean("preChatForm", false)).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"GET,/nothing", "GET,''", "GET,/", "DELETE,/messages", "PUT,/session", "POST,/widget.js",
            "GET,/messages/extra"})
    void anything_else_is_refused_with_404(String method, String path) {
        WebhookResult result = chat.handle(new TestRequest(method, path, Map.of(), Map.of(), ""));

        assertThat(rejected(result).status()).isEqualTo(404);
    }
}
