package org.switchboard.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.routing.AutoAssigner.Outcome;

/** Conversations arriving in automatic teams go to members who are online and have room, by the team's mode. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class AutoAssignmentTest extends PortalTest.Base {

    @Autowired
    AgentDirectory agents;
    @Autowired
    Teams teams;
    @Autowired
    Availability availability;
    @Autowired
    Capacities capacities;
    @Autowired
    AutoAssigner assigner;
    @Autowired
    RoutingTriggers triggers;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    ConversationWorkflow workflow;
    @Autowired
    ConversationStore store;
    @Autowired
    JdbcTemplate jdbc;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, teams, availability, pipeline, accounts, workflow, jdbc);
    }

    @Test
    void round_robin_takes_turns_among_online_members_and_skips_away_offline_and_full_ones() {
        long ada = given.agent("Ada");
        long ben = given.agent("Ben");
        long cy = given.agent("Cy");
        long dee = given.agent("Dee");
        long team = given.team(AssignmentMode.ROUND_ROBIN, false, ada, ben, cy, dee);
        given.set(ada, AvailabilityStatus.ONLINE);
        given.set(ben, AvailabilityStatus.ONLINE);
        given.set(cy, AvailabilityStatus.AWAY);
        // Dee never signed in: offline.
        capacities.set(ada, Map.of("webchat", 2));

        List<Long> turns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            turns.add(given.assignedInTurn(team));
        }
        // Ada is full after her second; the fifth goes to Ben although it would be Ada's turn after wrapping.
        assertThat(turns).containsExactly(ada, ben, ada, ben, ben);

        given.set(cy, AvailabilityStatus.ONLINE);
        assertThat(given.assignedInTurn(team)).isEqualTo(cy);
        assertThat(given.assignedInTurn(team)).as("Ada is still full").isEqualTo(ben);
    }

    @Test
    void least_loaded_picks_the_member_with_fewest_open_conversations_and_ties_go_to_the_least_recently_assigned() {
        long dora = given.agent("Dora");
        long eli = given.agent("Eli");
        long fay = given.agent("Fay");
        long team = given.team(AssignmentMode.LEAST_LOADED, false, dora, eli, fay);
        for (long agent : List.of(dora, eli, fay)) {
            given.set(agent, AvailabilityStatus.ONLINE);
        }
        store.assign(given.customerWrites(), dora, null);
        store.assign(given.customerWrites(), dora, null);
        store.assign(given.customerWrites(), eli, null);

        assertThat(given.assignedInTurn(team)).as("Fay has none").isEqualTo(fay);
        assertThat(given.assignedInTurn(team)).as("Eli and Fay have one each; Eli was never routed one")
                .isEqualTo(eli);
        assertThat(given.assignedInTurn(team)).as("Dora and Eli have two, Fay one").isEqualTo(fay);
        assertThat(given.assignedInTurn(team)).as("all have two; Dora was never routed one").isEqualTo(dora);
    }

    @Test
    void a_full_agent_gets_nothing_more_until_a_conversation_of_theirs_is_resolved() {
        long gil = given.agent("Gil");
        long team = given.team(AssignmentMode.ROUND_ROBIN, false, gil);
        capacities.set(gil, Map.of("webchat", 1));
        given.set(gil, AvailabilityStatus.ONLINE);

        long first = given.arrivesIn(team);
        Await.until("the first conversation is assigned", () -> given.assignee(first) != null);
        long second = given.arrivesIn(team);
        triggers.awaitIdle();
        assertThat(given.assignee(second)).as("Gil is full").isNull();
        assertThat(given.openOf(gil)).isEqualTo(1);

        store.changeStatus(first, ConversationStatus.RESOLVED, gil);
        Await.until("the waiting conversation goes to Gil once he has room", () -> given.assignee(second) != null);
        assertThat(given.assignee(second)).isEqualTo(gil);
        assertThat(given.assignedEvents(second)).containsExactly("agent #" + gil + ": automatic, round robin");
    }

    @Test
    void conversations_looked_at_together_are_each_routed_in_the_order_they_changed_and_unknown_ones_skipped() {
        long hal = given.agent("Hal");
        long ivy = given.agent("Ivy");
        long team = given.team(AssignmentMode.ROUND_ROBIN, false, hal, ivy);
        given.set(hal, AvailabilityStatus.ONLINE);
        given.set(ivy, AvailabilityStatus.ONLINE);
        long first = given.customerWrites();
        long second = given.customerWrites();
        long elsewhere = given.customerWrites();
        triggers.awaitIdle();
        // Moved into the team without a trigger, as if their changes had queued up while the router was busy.
        jdbc.update("update conversation set team_id = ? where id in (?, ?)", team, first, second);

        assigner.conversationsChanged(List.of(second, -1L, elsewhere, first));

        assertThat(List.of(given.assignee(second), given.assignee(first))).as("round robin, in the order given")
                .containsExactly(hal, ivy);
        assertThat(given.assignee(elsewhere)).as("in no team").isNull();
    }

    @Test
    void with_nobody_online_conversations_wait_and_the_longest_waiting_goes_first_when_a_member_comes_online() {
        long hal = given.agent("Hal");
        long team = given.team(AssignmentMode.LEAST_LOADED, false, hal);
        capacities.set(hal, Map.of("webchat", 1));

        long older = given.arrivesIn(team);
        long newer = given.arrivesIn(team);
        triggers.awaitIdle();
        assertThat(assigner.route(newer)).isEqualTo(Outcome.NOBODY_ONLINE);
        assertThat(given.assignee(older)).isNull();
        assertThat(given.assignee(newer)).isNull();

        given.set(hal, AvailabilityStatus.ONLINE);
        Await.until("the older conversation goes to Hal", () -> given.assignee(older) != null);
        triggers.awaitIdle();
        assertThat(given.assignee(older)).isEqualTo(hal);
        assertThat(given.assignee(newer)).as("Hal has room for one").isNull();
    }

    @Test
    void a_resolved_conversation_is_not_in_the_queue_and_is_assigned_when_reopened_unassigned() {
        long sam = given.agent("Sam");
        long team = given.team(AssignmentMode.ROUND_ROBIN, false, sam);
        long conversation = given.arrivesIn(team);
        // The routing of its arrival first: a resolve racing with it can meet an assignment made from the state just
        // before the resolve (the conversation is then resolved and assigned, as when an agent resolves at that
        // moment), which is not what this test is about.
        triggers.awaitIdle();
        store.changeStatus(conversation, ConversationStatus.RESOLVED, null);
        given.set(sam, AvailabilityStatus.ONLINE);
        triggers.awaitIdle();
        assertThat(given.assignee(conversation)).isNull();

        store.changeStatus(conversation, ConversationStatus.OPEN, null);
        Await.until("the reopened conversation is assigned", () -> Long.valueOf(sam).equals(
                given.assignee(conversation)));
    }

    @Test
    void an_agent_going_offline_hands_their_conversations_to_an_online_colleague_when_the_team_wants_that() {
        long ivy = given.agent("Ivy");
        long jon = given.agent("Jon");
        long team = given.team(AssignmentMode.ROUND_ROBIN, true, ivy, jon);
        given.set(ivy, AvailabilityStatus.ONLINE);
        long conversation = given.arrivesIn(team);
        Await.until("Ivy gets it", () -> Long.valueOf(ivy).equals(given.assignee(conversation)));

        given.set(jon, AvailabilityStatus.ONLINE);
        given.set(ivy, AvailabilityStatus.OFFLINE);
        Await.until("Jon gets it", () -> Long.valueOf(jon).equals(given.assignee(conversation)));
        assertThat(given.assignedEvents(conversation)).containsExactly("agent #" + ivy + ": automatic, round robin",
                "unassigned: agent went offline", "agent #" + jon + ": automatic, round robin");
    }

    @Test
    void without_the_switch_an_offline_agent_keeps_their_conversations() {
        long kim = given.agent("Kim");
        long lou = given.agent("Lou");
        long team = given.team(AssignmentMode.ROUND_ROBIN, false, kim, lou);
        given.set(kim, AvailabilityStatus.ONLINE);
        long conversation = given.arrivesIn(team);
        Await.until("Kim gets it", () -> Long.valueOf(kim).equals(given.assignee(conversation)));

        given.set(lou, AvailabilityStatus.ONLINE);
        given.set(kim, AvailabilityStatus.OFFLINE);
        triggers.awaitIdle();
        assertThat(given.assignee(conversation)).isEqualTo(kim);
        assertThat(given.assignedEvents(conversation)).hasSize(1);
    }

    @Test
    void a_manual_team_never_assigns_and_an_agent_away_keeps_what_they_have() {
        long max = given.agent("Max");
        long team = given.team(AssignmentMode.MANUAL, true, max);
        given.set(max, AvailabilityStatus.ONLINE);
        long conversation = given.arrivesIn(team);
        triggers.awaitIdle();
        assertThat(given.assignee(conversation)).isNull();
        assertThat(assigner.route(conversation)).isEqualTo(Outcome.NOT_WAITING);
    }

    @Test
    void a_conversation_moved_into_an_automatic_team_while_assigned_to_an_outsider_goes_to_a_member() {
        long oz = given.agent("Oz");
        long pia = given.agent("Pia");
        long team = given.team(AssignmentMode.ROUND_ROBIN, false, pia);
        given.set(pia, AvailabilityStatus.ONLINE);
        long conversation = given.customerWrites();
        store.assign(conversation, oz, oz);

        workflow.transferToTeam(conversation, team, "billing question", oz);
        Await.until("a member of the team gets it", () -> Long.valueOf(pia).equals(given.assignee(conversation)));
        assertThat(given.assignedEvents(conversation)).containsExactly("agent #" + oz,
                "unassigned: not a member of the new team", "agent #" + pia + ": automatic, round robin");

        // Assigning an outsider by hand after the transfer is a person's decision and stays.
        store.assign(conversation, oz, pia);
        triggers.awaitIdle();
        assertThat(given.assignee(conversation)).isEqualTo(oz);
    }

    @Test
    void a_conversation_unassigned_by_hand_goes_back_to_the_queue_and_to_a_colleague_rather_than_straight_back() {
        long quinn = given.agent("Quinn");
        long rae = given.agent("Rae");
        long team = given.team(AssignmentMode.LEAST_LOADED, false, quinn, rae);
        given.set(quinn, AvailabilityStatus.ONLINE);
        long conversation = given.arrivesIn(team);
        Await.until("Quinn gets it", () -> Long.valueOf(quinn).equals(given.assignee(conversation)));
        given.set(rae, AvailabilityStatus.ONLINE);
        triggers.awaitIdle();

        store.assign(conversation, null, quinn);
        Await.until("Rae gets it", () -> Long.valueOf(rae).equals(given.assignee(conversation)));
    }

    @Test
    void two_conversations_arriving_at_once_never_push_an_agent_over_capacity_in_one_team_or_across_two() throws Exception {
        for (boolean sameTeam : new boolean[] {true, false, true, false}) {
            long nia = given.agent("Nia");
            capacities.set(nia, Map.of("webchat", 1));
            long first = given.team(AssignmentMode.LEAST_LOADED, false, nia);
            long second = sameTeam ? first : given.team(AssignmentMode.ROUND_ROBIN, false, nia);
            given.set(nia, AvailabilityStatus.ONLINE);
            triggers.awaitIdle();
            // Placed in their teams without an event, so only the two racing calls below route them.
            long a = given.customerWrites();
            long b = given.customerWrites();
            triggers.awaitIdle();
            jdbc.update("update conversation set team_id = ? where id = ?", first, a);
            jdbc.update("update conversation set team_id = ? where id = ?", second, b);

            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService racers = Executors.newFixedThreadPool(2);
            try {
                Future<Outcome> routeA = racers.submit(() -> {
                    start.await();
                    return assigner.route(a);
                });
                Future<Outcome> routeB = racers.submit(() -> {
                    start.await();
                    return assigner.route(b);
                });
                List<Outcome> outcomes = List.of(routeA.get(30, TimeUnit.SECONDS), routeB.get(30, TimeUnit.SECONDS));
                assertThat(given.openOf(nia)).as(sameTeam ? "one team" : "two teams").isEqualTo(1);
                // (The periodic sweep, once a minute, may be the one that assigned; never both.)
                assertThat(java.util.Collections.frequency(outcomes, Outcome.ASSIGNED)).as(outcomes.toString())
                        .isLessThanOrEqualTo(1);
            } finally {
                racers.shutdownNow();
            }
        }
    }
}
