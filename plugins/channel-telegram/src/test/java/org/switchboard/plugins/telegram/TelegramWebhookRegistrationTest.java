package org.switchboard.plugins.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;

class TelegramWebhookRegistrationTest {

    private TelegramAccount account;

    @AfterEach
    void close() {
        account.close();
    }

    private long setWebhookCalls() {
        return account.telegram.requests().stream().filter(r -> r.path().endsWith("/setWebhook")).count();
    }

    @Test
    void opening_registers_the_webhook_url_with_the_secret_and_the_update_types_read() {
        account = new TelegramAccount();

        RecordedRequest request = account.telegram.takeRequest(5);

        assertThat(request.path()).isEqualTo("/bot" + TelegramScenario.BOT_TOKEN + "/setWebhook");
        JsonObject body = Json.parse(request.bodyAsString()).asObject();
        assertThat(body.getString("url", null)).isEqualTo(TelegramAccount.WEBHOOK_URL.toString());
        assertThat(body.getString("secret_token", null)).isEqualTo(TelegramScenario.WEBHOOK_SECRET);
        assertThat(body.get("allowed_updates").asArray().values()).extracting(v -> v.asString())
                .containsExactly("message", "edited_message");
        TelegramAccount.await(() -> account.connection.health().healthy());
    }

    @Test
    void a_refused_registration_shows_telegrams_reason_in_the_health_without_the_token() {
        account = new TelegramAccount(stub -> stub.once("POST", TelegramAccount.API + "setWebhook", Answer.json(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: "
                        + "HTTPS url must be provided for webhook\"}")));

        TelegramAccount.await(() -> account.connection.health().detail().contains("HTTPS url"));

        ConnectionHealth health = account.connection.health();
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("next try in 30 s").doesNotContain(TelegramScenario.BOT_TOKEN);
    }

    @Test
    void an_admin_looking_at_the_health_retries_a_failed_registration_at_once() {
        account = new TelegramAccount(stub -> { }); // the stub answers 404 until told otherwise
        TelegramAccount.await(() -> !account.connection.health().detail().startsWith("registering"));
        assertThat(account.connection.health().healthy()).isFalse();
        assertThat(setWebhookCalls()).isEqualTo(1);
        account.telegram.always("POST", TelegramAccount.API + "setWebhook",
                Answer.json(200, "{\"ok\":true,\"result\":true}"));

        account.connection.health(); // too soon after the failure: no new attempt
        account.clock.advance(WebhookRegistration.MIN_RETRY_GAP);
        account.connection.health();

        TelegramAccount.await(() -> account.connection.health().healthy());
        assertThat(setWebhookCalls()).isEqualTo(2);
    }

    @Test
    void retries_back_off_to_at_most_fifteen_minutes() {
        account = new TelegramAccount();
        assertThat(WebhookRegistration.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookRegistration.retryDelay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(WebhookRegistration.retryDelay(50)).isEqualTo(Duration.ofMinutes(15));
    }
}
