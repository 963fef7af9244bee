package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.HistoryEntry;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.WebhookRequests;

/**
 * The connector kit's contract for website chat. Three checks cannot apply and are skipped with their reason
 * (see {@link WebchatScenario}); what this channel does instead (the host's id as the sent id, a delivery report
 * from the widget's poll) is checked here.
 */
class WebchatContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new WebchatConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new WebchatScenario();
    }

    @Test
    void an_accepted_send_is_sent_under_the_hosts_own_message_id() {
        OutboundMessage reply = outbound("We are on it");

        assertThat(connection().send(reply)).isEqualTo(SendResult.sent(reply.messageId()));
    }

    @Test
    void a_poll_that_fetches_a_sent_reply_reports_it_delivered() {
        context().addHistory(new HistoryEntry(1, "host-msg-7", false, "Agent Smith", "We are on it",
                Instant.parse("2026-11-23T12:00:00Z"), DeliveryStatus.SENT));
        var poll = WebhookRequests.withHeader(WebhookRequests.withHeader(
                WebhookRequests.get("/messages", "since=&wait=0", Map.of()),
                "X-Visitor-Id", WebchatScenario.SAMPLE_VISITOR), "X-Visitor-Token",
                WebchatScenario.token(WebchatScenario.SIGNING_KEY, WebchatScenario.SAMPLE_VISITOR));

        WebhookResult result = connection().handleWebhook(poll);

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted ->
                assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(StatusUpdate.class, update -> {
                    assertThat(update.externalMessageId()).isEqualTo("host-msg-7");
                    assertThat(update.status()).isEqualTo(DeliveryStatus.DELIVERED);
                }));
    }
}
