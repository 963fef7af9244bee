package org.switchboard.portal.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.agent.TeamRepository;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.customer.Sql;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * Inbox lists against the real database: every filter and sort, keyset pages that add up to the whole list, counts
 * that agree with the lists, the scopes, and team scoping. Each test marks its conversations with a label of its own,
 * since the database is shared with other tests.
 */
@PortalTest
class InboxQueriesTest {

    /*
     * A context of its own with the assistant off: its asynchronous decisions change conversations, and each change
     * makes the SLA package rewrite the SLA columns this test sets directly.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void properties(org.springframework.test.context.DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        registry.add("switchboard.ai.enabled", () -> "false");
    }

    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    ConversationWorkflow workflow;
    @Autowired
    ConversationStore store;
    @Autowired
    ConversationQueries conversations;
    @Autowired
    InboxQueries inbox;
    @Autowired
    AgentDirectory agents;
    @Autowired
    TeamRepository teams;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    org.switchboard.portal.sla.SlaQueries sla;

    String account;
    String otherAccount;
    String tag;
    AgentView agent;

    @BeforeEach
    void setUp() {
        account = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        otherAccount = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        agent = agents.create(tag + "@example.test", "Agent " + tag, "a-long-enough-password-" + tag,
                Set.of(Role.AGENT));
    }

    @Test
    void filters_narrow_the_list_and_counts_agree() {
        long plain = conversation(account, "Where is my parcel?");
        long urgent = conversation(account, "Broken on arrival");
        long otherChannel = conversation(otherAccount, "Hello from elsewhere");
        long labelled = conversation(account, "Refund please");
        workflow.changePriority(urgent, Priority.URGENT, null);
        workflow.changeLabels(labelled, Set.of("Billing"), Set.of(), null);
        store.changeStatus(otherChannel, ConversationStatus.PENDING, null);
        jdbc().update("update conversation set intent = 'refund', sentiment = 'negative' where id = ?", labelled);

        InboxCriteria mine = criteria(null);
        assertThat(ids(mine)).containsExactlyInAnyOrder(plain, urgent, otherChannel, labelled);
        assertThat(inbox.count(mine, agent)).isEqualTo(4);

        assertThat(ids(with(mine, c -> new InboxCriteria(c.scope(), c.statuses(), Set.of(otherAccount), null, null,
                c.labels(), null, null, null, null, null, null)))).containsExactly(otherChannel);
        assertThat(ids(with(mine, c -> new InboxCriteria(c.scope(), EnumSet.of(ConversationStatus.PENDING), null,
                null, null, c.labels(), null, null, null, null, null, null)))).containsExactly(otherChannel);
        assertThat(ids(with(mine, c -> new InboxCriteria(c.scope(), c.statuses(), null, null, null, c.labels(),
                EnumSet.of(Priority.URGENT, Priority.HIGH), null, null, null, null, null)))).containsExactly(urgent);
        assertThat(ids(with(mine, c -> new InboxCriteria(c.scope(), c.statuses(), null, null, null,
                Set.of(tag, "billing"), null, null, null, null, null, null)))).hasSize(4);
        InboxCriteria billing = new InboxCriteria(InboxScope.ALL, null, null, null, null, Set.of("billing"), null,
                Set.of("refund"), Set.of("negative"), null, null, null);
        assertThat(inbox.filter(List.of(plain, labelled), billing, agent)).containsExactly(labelled);
        InboxCriteria happy = with(mine, c -> new InboxCriteria(c.scope(), c.statuses(), null, null, null, c.labels(),
                null, null, Set.of("positive"), null, null, null));
        assertThat(ids(happy)).isEmpty();
        assertThat(inbox.count(happy, agent)).isZero();
    }

    @Test
    void scopes_follow_assignment_and_team_membership() {
        long assigned = conversation(account, "Mine please");
        long inMyTeam = conversation(account, "For the team");
        long unassigned = conversation(account, "Anybody?");
        store.assign(assigned, agent.id(), null);
        Team team = teams.save(new Team("Team " + tag, Instant.now()));
        jdbc().update("insert into team_member (team_id, agent_id) values (?, ?)", team.getId(), agent.id());
        workflow.transferToTeam(inMyTeam, team.getId(), "billing question", null);

        assertThat(ids(criteria(null).withScope(InboxScope.MINE))).containsExactly(assigned);
        assertThat(ids(criteria(null).withScope(InboxScope.UNASSIGNED))).containsExactlyInAnyOrder(inMyTeam,
                unassigned);
        assertThat(ids(criteria(null).withScope(InboxScope.MY_TEAMS))).containsExactly(inMyTeam);
        Map<InboxScope, Long> counts = inbox.countsPerScope(criteria(null), agent);
        assertThat(counts).containsEntry(InboxScope.ALL, 3L).containsEntry(InboxScope.MINE, 1L)
                .containsEntry(InboxScope.UNASSIGNED, 2L).containsEntry(InboxScope.MY_TEAMS, 1L);

        // With team scoping on, an agent sees only their own and their teams' conversations; a supervisor all.
        InboxQueries scoped = new InboxQueries(dataSource, conversations, new InboxProperties(true), sla, clock);
        assertThat(scoped.page(criteria(null), agent, null, 50).rows()).extracting(ConversationSummary::id)
                .containsExactlyInAnyOrder(assigned, inMyTeam);
        assertThat(scoped.canSee(unassigned, agent)).isFalse();
        AgentView supervisor = new AgentView(agent.id(), agent.email(), agent.displayName(),
                Set.of(Role.AGENT, Role.SUPERVISOR), true, false);
        assertThat(scoped.canSee(unassigned, supervisor)).isTrue();
    }

    @Test
    void keyset_pages_add_up_to_the_whole_list_in_every_sort() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(conversation(account, "Message number " + i));
        }
        // Equal sort keys must not lose or repeat rows at a page boundary.
        jdbc().update("update conversation set last_activity_at = (select min(last_activity_at) from"
                + " (select last_activity_at from conversation where id in (?, ?)) x) where id in (?, ?)",
                created.get(2), created.get(3), created.get(2), created.get(3));
        slaQuiet();
        for (int i = 0; i < created.size(); i++) {
            jdbc().update("update conversation set sla_due_at = ? where id = ?",
                    Sql.utc(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i % 3)),
                    created.get(i));
        }
        for (InboxSort sort : InboxSort.values()) {
            InboxCriteria criteria = criteria(null).withSort(sort);
            List<Long> all = inbox.page(criteria, agent, null, 100).rows().stream().map(ConversationSummary::id)
                    .toList();
            List<Long> paged = pageByPage(criteria, 2);
            assertThat(paged).as(sort.name()).containsExactlyElementsOf(all).hasSize(7).doesNotHaveDuplicates();
            assertThat(inbox.count(criteria, agent)).as(sort.name()).isEqualTo(7);
        }
        List<ConversationSummary> bySla = inbox.page(criteria(null).withSort(InboxSort.SLA_DUE), agent, null, 100)
                .rows();
        assertThat(bySla).extracting(ConversationSummary::slaDueAt).isSorted();
        List<ConversationSummary> byActivity = inbox.page(criteria(null), agent, null, 100).rows();
        assertThat(byActivity.getFirst().id()).isEqualTo(created.getLast());
    }

    @Test
    void with_no_status_filter_every_status_is_listed_in_order_and_paged_without_loss() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            created.add(conversation(account, "Any status " + i));
        }
        ConversationStatus[] statuses = ConversationStatus.values();
        for (int i = 0; i < created.size(); i++) {
            jdbc().update("update conversation set status = ? where id = ?", statuses[i % statuses.length].name(),
                    created.get(i));
        }
        // Two rows of different statuses share a sort key, across the page boundary of the merge.
        jdbc().update("update conversation set last_activity_at = (select min(last_activity_at) from"
                + " (select last_activity_at from conversation where id in (?, ?)) x) where id in (?, ?)",
                created.get(4), created.get(5), created.get(4), created.get(5));
        InboxCriteria anyStatus = with(criteria(null), c -> new InboxCriteria(c.scope(), Set.of(), null, null, null,
                c.labels(), null, null, null, null, null, null));

        List<ConversationSummary> all = inbox.page(anyStatus, agent, null, 100).rows();
        assertThat(all).extracting(ConversationSummary::id).containsExactlyInAnyOrderElementsOf(created);
        assertThat(all).extracting(ConversationSummary::lastActivityAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<Long> paged = pageByPage(anyStatus, 3);
        assertThat(paged).containsExactlyElementsOf(all.stream().map(ConversationSummary::id).toList());
        assertThat(inbox.count(anyStatus, agent)).isEqualTo(8);
    }

    @Test
    void sla_and_waiting_filters_use_the_due_times_and_the_unanswered_customer() {
        long breached = conversation(account, "Late one");
        long dueSoon = conversation(account, "Nearly late");
        long relaxed = conversation(account, "Plenty of time");
        long answered = conversation(account, "Answered already");
        // Written as the SLA package would; directly, since no policy here would produce these due times.
        slaQuiet();
        setSla(breached, clock.instant().minusSeconds(60), true);
        setSla(dueSoon, clock.instant().plus(Duration.ofMinutes(5)), false);
        setSla(relaxed, clock.instant().plus(Duration.ofHours(5)), false);
        jdbc().update("update conversation set waiting_since = ? where id in (?, ?)",
                Sql.utc(clock.instant().minus(Duration.ofHours(2))), breached, dueSoon);
        jdbc().update("update conversation set waiting_since = null where id = ?", answered);

        assertThat(ids(withSla(SlaFilter.BREACHED))).containsExactly(breached);
        assertThat(ids(withSla(SlaFilter.DUE_SOON))).containsExactly(dueSoon);
        InboxCriteria waitingHour = with(criteria(null), c -> new InboxCriteria(c.scope(), c.statuses(), null, null,
                null, c.labels(), null, null, null, null, Duration.ofHours(1), null));
        assertThat(ids(waitingHour)).containsExactlyInAnyOrder(breached, dueSoon);
        List<Long> waitingLongest = ids(criteria(null).withSort(InboxSort.WAITING_LONGEST));
        assertThat(waitingLongest).doesNotContain(answered).contains(relaxed);
    }

    @Test
    void a_view_that_needs_an_agent_is_refused_without_one() {
        assertThatThrownBy(() -> inbox.page(InboxCriteria.of(InboxScope.MINE), null, null, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Waits until the SLA package has evaluated every change so far (it would overwrite the SLA columns). */
    private void slaQuiet() {
        org.switchboard.portal.Await.until("SLA evaluations done", () -> sla.evaluationBacklog() == 0);
    }

    private void setSla(long conversation, Instant dueAt, boolean breached) {
        jdbc().update("update conversation set sla_due_at = ?, sla_breached = ? where id = ?", Sql.utc(dueAt),
                breached, conversation);
    }

    private InboxCriteria withSla(SlaFilter sla) {
        return with(criteria(null), c -> new InboxCriteria(c.scope(), c.statuses(), null, null, null, c.labels(),
                null, null, null, sla, null, null));
    }

    private InboxCriteria criteria(InboxSort sort) {
        return new InboxCriteria(InboxScope.ALL, InboxCriteria.ACTIVE, null, null, null, Set.of(tag), null, null,
                null, null, null, sort);
    }

    private static InboxCriteria with(InboxCriteria base, java.util.function.UnaryOperator<InboxCriteria> change) {
        return change.apply(base);
    }

    /** The whole list, read a page of {@code size} at a time through the keyset cursor. */
    private List<Long> pageByPage(InboxCriteria criteria, int size) {
        List<Long> paged = new ArrayList<>();
        InboxCursor cursor = null;
        do {
            InboxPage page = inbox.page(criteria, agent, cursor, size);
            page.rows().forEach(r -> paged.add(r.id()));
            cursor = page.next();
        } while (cursor != null);
        return paged;
    }

    private List<Long> ids(InboxCriteria criteria) {
        return inbox.page(criteria, agent, null, 100).rows().stream().map(ConversationSummary::id).toList();
    }

    /** A new customer writes on the account; the conversation gets this test's label. */
    private long conversation(String accountId, String text) {
        long conversation = new Inbound(pipeline, accounts, jdbc()).writes(accountId, Inbound.newPhone(), "Pat " + tag,
                text).conversationId();
        workflow.changeLabels(conversation, Set.of(tag), Set.of(), null);
        // LOW: no SLA policy of the shared test context targets it, so only this test sets its SLA columns.
        workflow.changePriority(conversation, Priority.LOW, null);
        return conversation;
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
