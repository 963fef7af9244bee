package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.webchat.WebchatFixture.accepted;
import static org.switchboard.plugins.webchat.WebchatFixture.rejected;
import static org.switchboard.plugins.webchat.WebchatFixture.replyJson;

import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebchatSessionTest {

    private final WebchatFixture chat = new WebchatFixture();

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void a_session_is_a_random_128_bit_visitor_id_and_its_hmac() throws Exception {
        WebchatFixture.Visitor visitor = chat.newVisitor();

        assertThat(visitor.id()).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(visitor.id())).hasSize(16);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WebchatFixture.SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(visitor.id().getBytes(StandardCharsets.UTF_8)));
        assertThat(visitor.token()).isEqualTo(expected);
    }

    @Test
    void every_session_is_a_new_visitor_and_stores_nothing() {
        var result = accepted(chat.handle(TestRequest.post("/session", "")));

        assertThat(result.events()).isEmpty();
        assertThat(result.reply().headers()).containsEntry("Cache-Control", "no-store");
        assertThat(chat.newVisitor().id()).isNotEqualTo(chat.newVisitor().id());
    }

    @Test
    void a_session_presenting_valid_credentials_keeps_them() {
        WebchatFixture.Visitor visitor = chat.newVisitor();

        JsonObject session = replyJson(chat.handle(TestRequest.post("/session",
                "{\"visitorId\":\"" + visitor.id() + "\",\"token\":\"" + visitor.token() + "\"}")));

        assertThat(session.getString("visitorId", null)).isEqualTo(visitor.id());
        assertThat(session.getString("token", null)).isEqualTo(visitor.token());
    }

    @Test
    void a_session_presenting_a_token_signed_with_another_key_gets_a_new_visitor() {
        WebchatFixture.Visitor visitor;
        try (WebchatFixture other = new WebchatFixture(Map.of(WebchatSettings.SIGNING_KEY, "rotated"))) {
            visitor = other.newVisitor();
        }

        JsonObject session = replyJson(chat.handle(TestRequest.post("/session",
                "{\"visitorId\":\"" + visitor.id() + "\",\"token\":\"" + visitor.token() + "\"}")));

        assertThat(session.getString("visitorId", null)).isNotEqualTo(visitor.id()).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void a_session_with_a_malformed_body_is_refused_with_400() {
        assertThat(rejected(chat.handle(TestRequest.post("/session", "{visitorId"))).status()).isEqualTo(400);
    }
}
