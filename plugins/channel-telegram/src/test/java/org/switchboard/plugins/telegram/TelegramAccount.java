package org.switchboard.plugins.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/** One Telegram account opened through the real connector, its Bot API played by a {@link ProviderStub}. */
final class TelegramAccount implements AutoCloseable {

    static final URI WEBHOOK_URL = URI.create("https://portal.example.test/hooks/tg-account");
    static final String API = "/bot" + TelegramScenario.BOT_TOKEN + "/";

    final ProviderStub telegram = ProviderStub.start();
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final TestPluginContext plugin = new TestPluginContext("channel-telegram", clock);
    final TestConnectionContext context;
    final ChannelConnection connection;

    /** An account whose setWebhook succeeds. */
    TelegramAccount() {
        this(stub -> stub.always("POST", API + "setWebhook",
                ProviderStub.Answer.json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));
    }

    /** An account whose Bot API is scripted by {@code script} before the connection opens (and registers). */
    TelegramAccount(java.util.function.Consumer<ProviderStub> script) {
        script.accept(telegram);
        context = new TestConnectionContext(new TelegramScenario().config(telegram.baseUrl()), WEBHOOK_URL, plugin);
        try {
            connection = new TelegramConnector().open(context);
        } catch (ChannelException e) {
            throw new AssertionError(e);
        }
    }

    List<InboundEvent> accept(WebhookRequest request) {
        WebhookResult result = connection.handleWebhook(request);
        assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
        return ((WebhookResult.Accepted) result).events();
    }

    InboundMessage acceptOne(String updateJson) {
        List<InboundEvent> events = accept(TelegramScenario.signed(updateJson));
        assertThat(events).singleElement().isInstanceOf(InboundMessage.class);
        return (InboundMessage) events.getFirst();
    }

    WebhookResult.Rejected reject(WebhookRequest request) {
        WebhookResult result = connection.handleWebhook(request);
        assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
        return (WebhookResult.Rejected) result;
    }

    /** Waits until {@code condition} holds, failing after five seconds. */
    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        connection.close();
        plugin.close();
        telegram.close();
    }

    /** A clock tests move forward by hand. */
    static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
