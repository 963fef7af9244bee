package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.switchboard.plugins.webchat.WebchatFixture.accepted;
import static org.switchboard.plugins.webchat.WebchatFixture.rejected;
import static org.switchboard.plugins.webchat.WebchatFixture.replyJson;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookResult;

class WebchatLongPollTest {

    /** Far above any real answer time, far below the waits, so a poll that misses its wake-up fails the test. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final WebchatFixture chat = new WebchatFixture();
    private final WebchatFixture.Visitor visitor = chat.newVisitor();
    private final ExecutorService browser = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        chat.close();
        browser.shutdownNow();
    }

    private WebhookResult poll(String since, String waitSeconds) {
        return chat.handle(TestRequest.get("/messages").as(visitor).query("since", since).query("wait", waitSeconds));
    }

    private static List<String> texts(WebhookResult result) {
        return replyJson(result).get("messages").asArray().values().stream()
                .map(message -> message.asObject().getString("text", null))
                .toList();
    }

    private OutboundMessage reply(String messageId) {
        return new OutboundMessage(messageId, "c1", visitor.identity(), "Grace", "text", null, List.of(), null);
    }

    @Test
    void a_poll_answers_the_latest_messages_oldest_first() {
        String hello = chat.history.addInbound(visitor.identity(), "Hello");
        String answer = chat.history.addOutbound(visitor.identity(), "Grace", "Hi Ada", DeliveryStatus.READ);

        JsonArray messages = replyJson(poll("", "0")).get("messages").asArray();

        assertThat(messages.values()).hasSize(2);
        JsonObject first = messages.get(0).asObject();
        assertThat(first.getString("id", null)).isEqualTo(hello);
        assertThat(first.getBoolean("inbound", false)).isTrue();
        assertThat(first.get("author")).isEqualTo(JsonValue.NULL);
        assertThat(first.getString("text", null)).isEqualTo("Hello");
        assertThat(first.getString("at", null)).isEqualTo("2026-11-23T10:00:01Z");
        JsonObject second = messages.get(1).asObject();
        assertThat(second.getString("id", null)).isEqualTo(answer);
        assertThat(second.getBoolean("inbound", true)).isFalse();
        assertThat(second.getString("author", null)).isEqualTo("Grace");
        assertThat(second.getString("status", null)).isEqualTo("READ");
    }

    @Test
    void a_poll_answers_at_once_when_there_is_something_newer_than_since() {
        String seen = chat.history.addInbound(visitor.identity(), "Hello");
        chat.history.addOutbound(visitor.identity(), "Grace", "Hi Ada", DeliveryStatus.READ);

        WebhookResult result = assertTimeoutPreemptively(GENEROUS, () -> poll(seen, "25"));

        assertThat(texts(result)).containsExactly("Hello", "Hi Ada");
    }

    @Test
    void a_waiting_poll_wakes_up_when_a_reply_is_sent_to_its_visitor() throws Exception {
        String newest = chat.history.addInbound(visitor.identity(), "Is anyone there?");
        CompletableFuture<WebhookResult> waiting = CompletableFuture.supplyAsync(() -> poll(newest, "25"), browser);
        awaitWaitingPolls(1);

        // The host stores a reply before it sends it.
        String replyId = chat.history.addOutbound(visitor.identity(), "Grace", "Yes, how can I help?",
                DeliveryStatus.QUEUED);
        chat.connection.send(reply(replyId));

        WebhookResult result = waiting.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        assertThat(texts(result)).containsExactly("Is anyone there?", "Yes, how can I help?");
        assertThat(chat.connection.waitingVisitors()).isZero();
    }

    @Test
    void a_poll_with_nothing_new_answers_the_same_messages_when_its_wait_ends() {
        String newest = chat.history.addInbound(visitor.identity(), "Hello");

        WebhookResult result = assertTimeoutPreemptively(GENEROUS, () -> poll(newest, "1"));

        assertThat(texts(result)).containsExactly("Hello");
        assertThat(chat.connection.waitingVisitors()).isZero();
    }

    @Test
    void a_new_visitor_with_an_empty_conversation_waits_too() throws Exception {
        CompletableFuture<WebhookResult> waiting = CompletableFuture.supplyAsync(() -> poll("", "25"), browser);
        awaitWaitingPolls(1);

        String replyId = chat.history.addOutbound(visitor.identity(), "Grace", "Welcome!", DeliveryStatus.QUEUED);
        chat.connection.send(reply(replyId));

        assertThat(texts(waiting.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))).containsExactly("Welcome!");
    }

    @Test
    void closing_the_connection_releases_waiting_polls() throws Exception {
        CompletableFuture<WebhookResult> waiting = CompletableFuture.supplyAsync(() -> poll("", "25"), browser);
        awaitWaitingPolls(1);

        chat.connection.close();

        assertThat(texts(waiting.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))).isEmpty();
    }

    @Test
    void fetched_replies_that_were_sent_are_reported_delivered() {
        chat.history.addInbound(visitor.identity(), "Hello");
        String sent = chat.history.addOutbound(visitor.identity(), "Grace", "Hi", DeliveryStatus.SENT);
        chat.history.addOutbound(visitor.identity(), "Grace", "Seen already", DeliveryStatus.READ);
        chat.history.addOutbound(visitor.identity(), "Grace", "Still queued", DeliveryStatus.QUEUED);

        WebhookResult.Accepted result = accepted(poll("", "0"));

        assertThat(result.events()).containsExactly(
                new StatusUpdate(sent, DeliveryStatus.DELIVERED, null, WebchatFixture.NOW));
        assertThat(replyJson(result).get("messages").asArray().get(1).asObject().getString("status", null))
                .isEqualTo("DELIVERED");
    }

    @Test
    void a_poll_shows_only_this_visitors_messages() {
        WebchatFixture.Visitor other = chat.newVisitor();
        chat.history.addInbound(other.identity(), "Someone else's secret");
        chat.history.addInbound(visitor.identity(), "Mine");

        assertThat(texts(poll("", "0"))).containsExactly("Mine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"26", "-1", "abc", "1.5", "99999999999999999999"})
    void a_wait_outside_0_to_25_seconds_is_refused_with_400(String wait) {
        WebhookResult.Rejected rejected = rejected(poll("", wait));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.reason()).contains("'wait'");
    }

    @Test
    void a_poll_without_a_valid_token_is_refused_with_401() {
        WebhookResult result = chat.handle(TestRequest.get("/messages").query("wait", "0")
                .header("X-Visitor-Id", visitor.id()).header("X-Visitor-Token", visitor.token() + "x"));

        assertThat(rejected(result).status()).isEqualTo(401);
    }

    private void awaitWaitingPolls(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (chat.connection.waitingVisitors() != expected) {
            assertThat(System.nanoTime()).as("a poll should be waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
