package org.switchboard.portal.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.portal.Await;
import org.switchboard.portal.SwitchboardApplication;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.inbox.InboxSearch;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.outbound.ReplyService;
import org.switchboard.portal.plugin.PluginHost;

/**
 * Stops the whole portal (and its database) and starts it again on the same data directory: a reply queued while
 * its channel could not deliver is delivered after the restart, and what was stored and indexed before is all
 * still there.
 */
class RestartTest {

    private static final String WEBCHAT_PLUGIN = "channel-webchat";

    @Test
    void a_queued_reply_survives_a_restart_and_is_delivered_afterwards() {
        TestData data = TestData.newDirectory();
        String word = "restart" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String accountId;
        long replyId;
        long conversationId;

        try (ConfigurableApplicationContext first = start(data)) {
            ChannelAccounts accounts = first.getBean(ChannelAccounts.class);
            accountId = accounts.create("Chat", "webchat", Map.of()).id();
            first.getBean(org.switchboard.portal.ingest.InboundPipeline.class).ingest(accountId, List.of(
                    InboundMessage.text(UUID.randomUUID().toString(), new Identity(IdentityKind.WEBCHAT_VISITOR,
                            "AAAAAAAAAAAAAAAAAAAAAA"), "Sam", "Where is my order " + word, Instant.now())));
            conversationId = first.getBean(InboxSearch.class).conversations(word, 1).getFirst().id();

            // The channel cannot deliver right now: the reply waits in the outbox.
            first.getBean(PluginHost.class).stop(WEBCHAT_PLUGIN);
            replyId = first.getBean(ReplyService.class).reply(conversationId, null, "Agent", "On its way!", null);
            MessageView queued = message(first, replyId);
            assertThat(queued.deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
        }

        try (ConfigurableApplicationContext second = start(data)) {
            long reply = replyId;
            Await.until("the queued reply is sent",
                    () -> message(second, reply).deliveryStatus() == DeliveryStatus.SENT);
            MessageView delivered = message(second, reply);
            assertThat(delivered.text()).isEqualTo("On its way!");
            assertThat(second.getBean(ConversationQueries.class).detail(conversationId).orElseThrow().messages())
                    .hasSize(2);
            assertThat(second.getBean(InboxSearch.class).conversations(word, 10)).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(TestData data) {
        // Command-line arguments: they win over application.properties (default properties would not).
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0",
                "--switchboard.data-directory=" + data.root(),
                "--switchboard.plugins.directory=" + data.root().resolve("plugins"),
                "--switchboard.bootstrap.admin-password=" + TestData.ADMIN_PASSWORD,
                "--switchboard.delivery.first-backoff=200ms",
                "--switchboard.delivery.poll-interval=200ms",
                "--switchboard.delivery.unavailable-retry=200ms");
    }

    private static MessageView message(ConfigurableApplicationContext context, long id) {
        return context.getBean(ConversationQueries.class).message(id).orElseThrow();
    }
}
