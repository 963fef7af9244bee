package org.switchboard.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.portal.testplugins.FakeProvider.Answer.accepted;
import static org.switchboard.portal.testplugins.FakeProvider.Answer.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.portal.Await;
import org.switchboard.portal.MovableClock;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.testplugins.FakeProvider;
import org.switchboard.portal.testplugins.TestPlugins;

/**
 * Agents' replies through the real portal, a real MariaDB and a real channel plugin JAR whose provider is a local
 * HTTP server the test scripts.
 *
 * <p>Time stands still ({@link MovableClock}) and moves only when a test says a backoff has passed, so a retry happens
 * when the test expects it, whether the test's {@code deliverDue()} or the portal's own worker picks it up.
 */
@PortalTest
class OutboundDeliveryTest {

    static final String PLUGIN = "test-flaky-plugin";
    static final String CONNECTOR = "test-flaky";
    static final String EMAIL_CONNECTOR = "test-mail";
    static final int MAX_ATTEMPTS = 3;
    static final Duration PAST_ANY_BACKOFF = Duration.ofMinutes(1);

    @DynamicPropertySource
    static void deliveryProperties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        Path plugins = TestData.newDirectory().root().resolve("plugins");
        TestPlugins.channel(PLUGIN, CONNECTOR, "phone").writeTo(plugins);
        TestPlugins.channel("test-mail-plugin", EMAIL_CONNECTOR, "email").writeTo(plugins);
        registry.add("switchboard.plugins.directory", plugins::toString);
        registry.add("switchboard.delivery.first-backoff", () -> "50ms");
        registry.add("switchboard.delivery.max-attempts", () -> MAX_ATTEMPTS);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StandingTime {

        @Bean
        @Primary
        MovableClock testClock() {
            return new MovableClock();
        }
    }

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ReplyService replies;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    ConversationQueries queries;

    @Autowired
    PluginHost plugins;

    @Autowired
    MovableClock clock;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    FakeProvider provider;
    String accountId;
    String customerPhone;
    long conversationId;

    @BeforeEach
    void aCustomerWroteOnTheTestChannel() {
        jdbc = new JdbcTemplate(dataSource);
        provider = FakeProvider.start();
        accountId = accounts.create("Flaky " + UUID.randomUUID(), CONNECTOR, Map.of("url", provider.url())).id();
        customerPhone = "+4470" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String externalId = "in-" + UUID.randomUUID();
        pipeline.ingest(accountId, List.of(InboundMessage.text(externalId, Identity.phone(customerPhone),
                "Ada Lovelace", "My parcel is late", Instant.now())));
        conversationId = jdbc.queryForObject("select conversation_id from message where channel_account_id = ? "
                + "and external_id = ?", Long.class, accountId, externalId);
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void a_provider_that_hangs_delays_only_its_own_channel_accounts_messages() {
        try (FakeProvider other = FakeProvider.start()) {
            other.answerAlways(accepted("prov-fast"));
            String otherAccount = accounts.create("Other " + UUID.randomUUID(), CONNECTOR,
                    Map.of("url", other.url())).id();
            String otherId = "in-" + UUID.randomUUID();
            pipeline.ingest(otherAccount, List.of(InboundMessage.text(otherId, Identity.phone("+4471"
                    + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000)), "Alan", "Hello", Instant.now())));
            long otherConversation = jdbc.queryForObject("select conversation_id from message where external_id = ?",
                    Long.class, otherId);
            provider.hold();
            provider.answer(accepted("prov-slow"));

            long slow = replies.reply(conversationId, null, "Grace", "Waiting on a hanging provider", null);
            Await.until("the hanging provider received its reply", () -> provider.received().size() == 1);
            long fast = replies.reply(otherConversation, null, "Grace", "Sent while the other hangs", null);

            Await.until("the other account's reply is sent", () -> message(fast).deliveryStatus()
                    == DeliveryStatus.SENT);
            assertThat(message(slow).deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
            provider.release();
            Await.until("the held reply is sent once its provider answers", () -> message(slow).deliveryStatus()
                    == DeliveryStatus.SENT);
        }
    }

    @Test
    void a_reply_is_stored_queued_with_its_outbox_row_and_once_delivered_is_sent_under_the_providers_id() {
        provider.hold();
        provider.answer(accepted("prov-happy-1"));

        long messageId = replies.reply(conversationId, null, "Grace", "It arrives tomorrow.", null);
        // Whoever leases the entry first, the worker or this thread, sends it; the provider holds the answer.
        Thread.ofVirtual().start(dispatcher::deliverDue);
        Await.until("the provider received the reply", () -> provider.received().size() == 1);

        assertThat(message(messageId).deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(outboxRows(messageId)).isEqualTo(1);

        provider.release();
        deliverUntil("the reply is sent", () -> message(messageId).deliveryStatus() == DeliveryStatus.SENT);

        assertThat(externalId(messageId)).isEqualTo("prov-happy-1");
        assertThat(outboxRows(messageId)).isZero();
        assertThat(provider.received()).containsExactly(
                new FakeProvider.Received(Long.toString(messageId), customerPhone, "It arrives tomorrow."));
        MessageView sent = message(messageId);
        assertThat(sent.conversationId()).isEqualTo(conversationId);
        assertThat(sent.channelAccountId()).isEqualTo(accountId);
        assertThat(sent.authorName()).isEqualTo("Grace");
    }

    @Test
    void a_reply_the_provider_refuses_twice_with_503_is_delivered_by_the_retries_under_one_idempotency_key() {
        provider.answer(status(503, "overloaded"), status(503, "overloaded"), accepted("prov-retried"));

        long messageId = replies.reply(conversationId, null, "Grace", "Sorry for the wait.", null);

        deliverUntil("the first attempt is recorded", () -> attempts(messageId) == 1);
        assertThat(lastError(messageId)).isEqualTo("HTTP 503: overloaded");
        assertThat(message(messageId).deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);

        clock.advance(PAST_ANY_BACKOFF);
        deliverUntil("the second attempt is recorded", () -> attempts(messageId) == 2);

        clock.advance(PAST_ANY_BACKOFF);
        deliverUntil("the reply is sent", () -> message(messageId).deliveryStatus() == DeliveryStatus.SENT);

        assertThat(externalId(messageId)).isEqualTo("prov-retried");
        assertThat(outboxRows(messageId)).isZero();
        assertThat(provider.received()).hasSize(3)
                .extracting(FakeProvider.Received::idempotencyKey).containsOnly(Long.toString(messageId));
    }

    @Test
    void a_reply_the_provider_rejects_with_400_fails_at_once_with_the_providers_reason() {
        provider.answer(status(400, "the number is not on this network"));

        long messageId = replies.reply(conversationId, null, "Grace", "Hello?", null);
        deliverUntil("the reply has failed", () -> message(messageId).deliveryStatus() == DeliveryStatus.FAILED);

        assertThat(message(messageId).failureReason()).isEqualTo("the number is not on this network");
        assertThat(outboxRows(messageId)).isZero();
        assertThat(deliveryFailedEvents()).containsExactly("the number is not on this network");

        clock.advance(PAST_ANY_BACKOFF);
        dispatcher.deliverDue();
        assertThat(provider.received()).hasSize(1);
    }

    @Test
    void a_reply_the_provider_always_refuses_with_503_fails_after_the_last_attempt() {
        provider.answerAlways(status(503, "upstream down"));

        long messageId = replies.reply(conversationId, null, "Grace", "Are you there?", null);
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            int expected = attempt;
            deliverUntil("attempt " + attempt + " is recorded", () -> attempts(messageId) == expected);
            clock.advance(PAST_ANY_BACKOFF);
        }
        deliverUntil("the reply has failed", () -> message(messageId).deliveryStatus() == DeliveryStatus.FAILED);

        assertThat(message(messageId).failureReason())
                .isEqualTo("HTTP 503: upstream down (gave up after " + MAX_ATTEMPTS + " attempts)");
        assertThat(outboxRows(messageId)).isZero();
        assertThat(deliveryFailedEvents()).hasSize(1);
        clock.advance(PAST_ANY_BACKOFF);
        dispatcher.deliverDue();
        assertThat(provider.received()).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void a_reply_queued_while_the_plugin_is_stopped_waits_in_the_outbox_and_is_delivered_once_it_runs_again() {
        long messageId;
        plugins.stop(PLUGIN);
        try {
            messageId = replies.reply(conversationId, null, "Grace", "Still here.", null);
            deliverUntil("the dispatcher found the channel unavailable", () -> lastError(messageId) != null);

            assertThat(lastError(messageId)).contains("no running plugin provides connector " + CONNECTOR);
            // Waiting for a stopped plugin uses up none of the message's attempts, however long it takes.
            for (int round = 0; round < 5; round++) {
                clock.advance(PAST_ANY_BACKOFF);
                dispatcher.deliverDue();
            }
            assertThat(attempts(messageId)).isZero();
            assertThat(message(messageId).deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(outboxRows(messageId)).isOne();
        } finally {
            assertThat(plugins.start(PLUGIN)).isEqualTo(PluginState.STARTED);
        }

        clock.advance(PAST_ANY_BACKOFF);
        deliverUntil("the reply is sent", () -> message(messageId).deliveryStatus() == DeliveryStatus.SENT);

        assertThat(outboxRows(messageId)).isZero();
        assertThat(provider.received()).extracting(FakeProvider.Received::text).containsExactly("Still here.");
    }

    @Test
    void an_empty_reply_is_refused_and_nothing_is_stored() {
        int messagesBefore = messagesInConversation();

        assertThatThrownBy(() -> replies.reply(conversationId, null, "Grace", "  \n ", null))
                .isInstanceOf(ReplyNotPossibleException.class).hasMessage("the reply is empty");

        assertThat(messagesInConversation()).isEqualTo(messagesBefore);
        assertThat(outboxRowsOfConversation()).isZero();
    }

    @Test
    void a_reply_on_a_channel_where_the_customer_has_no_identity_is_refused_and_nothing_is_stored() {
        String mailAccount = accounts.create("Mail " + UUID.randomUUID(), EMAIL_CONNECTOR,
                Map.of("url", provider.url())).id();
        int messagesBefore = messagesInConversation();

        assertThatThrownBy(() -> replies.reply(conversationId, null, "Grace", "Hello by mail", mailAccount))
                .isInstanceOf(ReplyNotPossibleException.class)
                .hasMessage("the customer has no email identity for Test channel " + EMAIL_CONNECTOR);

        assertThat(messagesInConversation()).isEqualTo(messagesBefore);
        assertThat(outboxRowsOfConversation()).isZero();
    }

    @Test
    void a_late_sent_status_after_delivered_is_ignored() {
        provider.answer(accepted("prov-status-" + UUID.randomUUID()));
        long messageId = replies.reply(conversationId, null, "Grace", "On its way.", null);
        deliverUntil("the reply is sent", () -> message(messageId).deliveryStatus() == DeliveryStatus.SENT);
        String providerId = externalId(messageId);

        assertThat(pipeline.ingest(accountId, List.of(new StatusUpdate(providerId, DeliveryStatus.DELIVERED, null,
                Instant.now()))).statuses()).isEqualTo(1);
        assertThat(pipeline.ingest(accountId, List.of(new StatusUpdate(providerId, DeliveryStatus.SENT, null,
                Instant.now()))).statuses()).isZero();

        assertThat(message(messageId).deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    private MessageView message(long messageId) {
        return queries.message(messageId).orElseThrow();
    }

    private String externalId(long messageId) {
        return jdbc.queryForObject("select external_id from message where id = ?", String.class, messageId);
    }

    private int outboxRows(long messageId) {
        return jdbc.queryForObject("select count(*) from outbox where message_id = ?", Integer.class, messageId);
    }

    private int outboxRowsOfConversation() {
        return jdbc.queryForObject("select count(*) from outbox o join message m on m.id = o.message_id "
                + "where m.conversation_id = ?", Integer.class, conversationId);
    }

    private int messagesInConversation() {
        return jdbc.queryForObject("select count(*) from message where conversation_id = ?", Integer.class,
                conversationId);
    }

    /** The failed attempts so far; -1 once the entry has left the outbox. */
    private int attempts(long messageId) {
        return jdbc.queryForList("select attempts from outbox where message_id = ?", Integer.class, messageId)
                .stream().findFirst().orElse(-1);
    }

    private String lastError(long messageId) {
        return jdbc.queryForObject("select last_error from outbox where message_id = ?", String.class, messageId);
    }

    private List<String> deliveryFailedEvents() {
        return jdbc.queryForList("select detail from conversation_event where conversation_id = ? "
                + "and event_type = 'DELIVERY_FAILED'", String.class, conversationId);
    }

    /** Runs the dispatcher until the condition holds (the worker may get there first). */
    private void deliverUntil(String what, BooleanSupplier condition) {
        Await.until(what, () -> {
            dispatcher.deliverDue();
            return condition.getAsBoolean();
        });
    }
}
