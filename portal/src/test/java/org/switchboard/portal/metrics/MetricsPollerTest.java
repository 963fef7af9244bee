package org.switchboard.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationNotes;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.outbound.ReplyService;

/**
 * The poller picks up events recorded by the portal's own services (a customer's message, an agent's reply, a
 * note, a resolution, a reopen) without any hook in them, and its rollups equal a rebuild.
 */
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class MetricsPollerTest extends MetricsTestBase {

    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    ReplyService replies;
    @Autowired
    ConversationStore store;
    @Autowired
    ConversationNotes notes;
    @Autowired
    AgentDirectory agents;
    @Autowired
    MetricsPoller poller;
    @Autowired
    MetricsRebuild rebuild;
    @Autowired
    Metrics metrics;
    @Autowired
    DataSource dataSource;

    @Test
    void events_recorded_by_the_services_reach_the_dashboards_through_the_poller() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        poller.poll();
        String account = accounts.create("Metrics live " + UUID.randomUUID(), "webchat", Map.of()).id();
        long agent = agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
        long conversation = new Inbound(pipeline, accounts, jdbc).writes(account, Inbound.newPhone(), "Pat Metrics",
                "Where is my parcel?").conversationId();
        poller.poll();
        assertThat(report(account).value(Metric.CONVERSATIONS)).isEqualTo(1.0);
        assertThat(report(account).value(Metric.RESOLUTIONS)).isEqualTo(0.0);

        notes.add(conversation, agent, "Checking with the warehouse", List.of());
        replies.reply(conversation, agent, "Admin", "It is on its way.", null);
        store.changeStatus(conversation, ConversationStatus.RESOLVED, agent);
        poller.poll();
        MetricsReport resolved = report(account);
        assertThat(resolved.value(Metric.RESOLUTIONS)).isEqualTo(1.0);
        assertThat(resolved.value(Metric.REPLIES)).as("the note is no reply").isEqualTo(1.0);
        assertThat(resolved.value(Metric.FCR_RATE)).isEqualTo(1.0);
        assertThat(resolved.value(Metric.FIRST_RESPONSE_MEDIAN)).isNotNull();

        store.changeStatus(conversation, ConversationStatus.OPEN, agent);
        poller.poll();
        MetricsReport reopened = report(account);
        assertThat(reopened.value(Metric.FCR_RATE)).isEqualTo(0.0);
        assertThat(reopened.value(Metric.REOPENED_RATE)).isEqualTo(1.0);

        LocalDate today = metrics.today();
        var incremental = MetricsFixtureTest.rollupSnapshot(jdbc, today.minusDays(1), today.plusDays(1));
        rebuild.rebuild();
        assertThat(MetricsFixtureTest.differences(incremental, MetricsFixtureTest.rollupSnapshot(jdbc,
                today.minusDays(1), today.plusDays(1)))).isEmpty();
    }

    private MetricsReport report(String account) {
        LocalDate today = metrics.today();
        return metrics.report(new MetricsQuery(today.minusDays(1), today.plusDays(1), Granularity.DAY,
                MetricsFilter.ANY.withChannelAccounts(Set.of(account))));
    }
}
