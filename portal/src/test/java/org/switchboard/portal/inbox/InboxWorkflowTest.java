package org.switchboard.portal.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * The workspace's writes and what the inbox does with them: labels, snooze (by time and until the customer
 * replies), search with highlighted words within filters, bulk actions, saved views and their permissions.
 */
@PortalTest
class InboxWorkflowTest extends PortalTest.Base {

    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    ConversationWorkflow workflow;
    @Autowired
    ConversationQueries conversations;
    @Autowired
    InboxSearch search;
    @Autowired
    BulkActions bulk;
    @Autowired
    SavedViews savedViews;
    @Autowired
    AgentDirectory agents;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    String account;
    AgentView agent;
    Identity phone;

    @BeforeEach
    void setUp() {
        account = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        agent = agents.create(tag + "@example.test", "Agent " + tag, "a-long-enough-password-" + tag,
                Set.of(Role.AGENT));
    }

    @Test
    void labels_are_normalised_recorded_and_refused_when_malformed() {
        long id = customerWrites("Label me");
        assertThat(workflow.changeLabels(id, Set.of("  Billing Issue ", "VIP"), Set.of(), agent.id())).isTrue();
        assertThat(summary(id).labels()).containsExactly("billing-issue", "vip");
        assertThat(workflow.changeLabels(id, Set.of("vip"), Set.of(), agent.id())).isFalse();
        workflow.changeLabels(id, Set.of(), Set.of("VIP"), agent.id());
        assertThat(summary(id).labels()).containsExactly("billing-issue");
        assertThat(events(id, "LABELS_CHANGED")).containsExactly("+billing-issue +vip", "-vip");
        assertThatThrownBy(() -> workflow.changeLabels(id, Set.of("<script>"), Set.of(), agent.id()))
                .isInstanceOf(ConversationOperationException.class);
        assertThat(summary(id).labels()).containsExactly("billing-issue");
    }

    @Test
    void a_conversation_snoozed_until_the_customer_replies_wakes_when_they_write() {
        long id = customerWrites("First message");
        workflow.snooze(id, null, agent.id());
        assertThat(summary(id).status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(events(id, "SNOOZED")).containsExactly("until the customer replies");

        customerWrites("Any news?");

        ConversationSummary woken = summary(id);
        assertThat(woken.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(woken.snoozedUntil()).isNull();
        assertThat(events(id, "STATUS_CHANGED")).contains("SNOOZED -> OPEN: the customer wrote");
    }

    @Test
    void a_conversation_snoozed_until_a_time_wakes_then_and_not_before() {
        long id = customerWrites("Remind me later");
        assertThatThrownBy(() -> workflow.snooze(id, clock.instant().minusSeconds(1), agent.id()))
                .isInstanceOf(ConversationOperationException.class);
        workflow.snooze(id, clock.instant().plus(Duration.ofHours(1)), agent.id());
        workflow.wakeDueSnoozes(1000);
        assertThat(summary(id).status()).isEqualTo(ConversationStatus.SNOOZED);

        Instant soon = clock.instant().plusMillis(300);
        workflow.snooze(id, soon, agent.id());
        Await.until("the snooze time passed", () -> clock.instant().isAfter(soon));
        workflow.wakeDueSnoozes(1000);
        assertThat(summary(id).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(events(id, "STATUS_CHANGED")).contains("SNOOZED -> OPEN: snooze time reached");
    }

    @Test
    void search_finds_messages_subjects_and_names_with_marked_words_within_the_filters() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long withWord = customerWrites("My <b>order</b> " + word + " never arrived");
        phone = null;
        long other = customerWrites("Nothing to see " + UUID.randomUUID());
        assertThat(other).isNotEqualTo(withWord);

        List<SearchHit> hits = search.search(word, InboxCriteria.ANYTHING, agent, 10);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.conversation().id()).isEqualTo(withWord);
            assertThat(hit.messageId()).isNotNull();
            assertThat(hit.snippetHtml()).contains("<mark>" + word + "</mark>").contains("&lt;b&gt;order")
                    .doesNotContain("<b>");
        });
        workflow.changeLabels(other, Set.of("elsewhere"), Set.of(), null);
        InboxCriteria onlyElsewhere = new InboxCriteria(InboxScope.ALL, null, null, null, null, Set.of("elsewhere"),
                null, null, null, null, null, null);
        assertThat(search.search(word, onlyElsewhere, agent, 10)).isEmpty();
        assertThat(search.search(word, InboxCriteria.of(InboxScope.MINE), agent, 10)).isEmpty();
    }

    @Test
    void bulk_actions_change_each_conversation_and_report_the_ones_they_could_not() {
        long a = customerWrites("Bulk one");
        phone = null;
        long b = customerWrites("Bulk two");
        long missing = Long.MAX_VALUE - 7;

        BulkResult assigned = bulk.apply(List.of(a, b, missing), new BulkAction.Assign(agent.id()), agent);
        assertThat(assigned.changed()).isEqualTo(2);
        assertThat(assigned.failed()).containsOnlyKeys(missing);
        assertThat(summary(a).assigneeId()).isEqualTo(agent.id());

        bulk.apply(List.of(a, b), new BulkAction.AddLabel("bulk"), agent);
        bulk.apply(List.of(a, b), new BulkAction.ChangeStatus(ConversationStatus.RESOLVED), agent);
        assertThat(List.of(summary(a), summary(b))).allSatisfy(s -> {
            assertThat(s.labels()).contains("bulk");
            assertThat(s.status()).isEqualTo(ConversationStatus.RESOLVED);
        });
        assertThat(events(a, "RESOLVED")).hasSize(1);
        assertThatThrownBy(() -> new BulkAction.ChangeStatus(ConversationStatus.SNOOZED))
                .isInstanceOf(InboxException.class);
    }

    @Test
    void saved_views_are_private_unless_a_supervisor_shares_them() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        AgentView colleague = agents.create("c" + suffix + "@example.test", "Colleague " + suffix,
                "another-long-password-" + suffix, Set.of(Role.AGENT));
        AgentView supervisor = agents.create("s" + suffix + "@example.test", "Supervisor " + suffix,
                "a-supervisor-password-" + suffix, Set.of(Role.AGENT, Role.SUPERVISOR));
        InboxCriteria urgent = InboxCriteria.of(InboxScope.UNASSIGNED).withSort(InboxSort.WAITING_LONGEST);

        SavedViewSummary mine = savedViews.save(agent, "Waiting " + suffix, urgent, false);
        assertThat(savedViews.visibleTo(agent)).extracting(SavedViewSummary::id).contains(mine.id());
        assertThat(savedViews.visibleTo(agent)).filteredOn(v -> v.id() == mine.id()).singleElement()
                .satisfies(v -> assertThat(v.criteria()).isEqualTo(urgent));
        assertThat(savedViews.visibleTo(colleague)).extracting(SavedViewSummary::id).doesNotContain(mine.id());
        assertThatThrownBy(() -> savedViews.save(agent, "Waiting " + suffix, urgent, false))
                .isInstanceOf(InboxException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> savedViews.save(agent, "Shared " + suffix, urgent, true))
                .isInstanceOf(InboxException.class).hasMessageContaining("supervisors");
        assertThatThrownBy(() -> savedViews.delete(colleague, mine.id())).isInstanceOf(InboxException.class);

        SavedViewSummary shared = savedViews.save(supervisor, "Team queue " + suffix, urgent, true);
        assertThat(savedViews.visibleTo(colleague)).extracting(SavedViewSummary::id).contains(shared.id());
        assertThatThrownBy(() -> savedViews.delete(colleague, shared.id())).isInstanceOf(InboxException.class);
        savedViews.delete(supervisor, shared.id());
        assertThat(savedViews.visibleTo(colleague)).extracting(SavedViewSummary::id).doesNotContain(shared.id());
    }

    private ConversationSummary summary(long id) {
        return conversations.summariesInOrder(List.of(id)).getFirst();
    }

    private List<String> events(long conversationId, String type) {
        return new JdbcTemplate(dataSource).queryForList("select detail from conversation_event where"
                + " conversation_id = ? and event_type = ? order by id", String.class, conversationId, type);
    }

    /** The same customer (one phone per test) writes; returns the conversation. */
    private long customerWrites(String text) {
        if (phone == null) {
            phone = Inbound.newPhone();
        }
        return new Inbound(pipeline, accounts, new JdbcTemplate(dataSource)).writes(account, phone, "Pat Workflow",
                text).conversationId();
    }
}
