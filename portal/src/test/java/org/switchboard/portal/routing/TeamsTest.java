package org.switchboard.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.AsSystem;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.agent.TeamRepository;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.triage.TriageRuleView;
import org.switchboard.portal.triage.TriageRules;

/** Who may change teams, and when a team may be deleted. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class TeamsTest extends PortalTest.Base {

    static final String OWN_EMAIL = "availability-self@example.test";

    @Autowired
    Teams teams;
    @Autowired
    TeamRepository teamRepository;
    @Autowired
    Capacities capacities;
    @Autowired
    Availability availability;
    @Autowired
    AgentDirectory agents;
    @Autowired
    TriageRules triage;
    @Autowired
    ConversationStore store;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    ConversationWorkflow workflow;
    @Autowired
    JdbcTemplate jdbc;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, teams, availability, pipeline, accounts, workflow, jdbc);
    }

    @Test
    @WithMockUser(username = "supervisor@example.test", roles = {"SUPERVISOR", "AGENT"})
    void a_supervisor_manages_members_but_neither_teams_nor_how_they_assign_nor_capacity() {
        long team = teamRepository.save(new Team("Night shift " + UUID.randomUUID(), Instant.now())).getId();
        long agent = given.agent("Sue");

        teams.addMember(team, agent);
        assertThat(teams.members(team)).extracting(AgentAvailability::agentId).containsExactly(agent);
        teams.removeMember(team, agent);
        assertThat(teams.members(team)).isEmpty();

        assertThatThrownBy(() -> teams.create("Day shift")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.rename(team, "Day shift")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.configure(team, AssignmentMode.ROUND_ROBIN, true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.delete(team)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> capacities.set(agent, Map.of("webchat", 3)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(teams.settings(team).mode()).isEqualTo(AssignmentMode.MANUAL);
    }

    @Test
    @WithMockUser(username = OWN_EMAIL, roles = "AGENT")
    void an_agent_sets_their_own_availability_and_nobody_elses() {
        long self = agents.findByEmail(OWN_EMAIL).map(a -> a.id())
                .orElseGet(() -> AsSystem.call(() -> agents.create(OWN_EMAIL, "Self Sam", "a long enough password",
                        Set.of(Role.AGENT))).id());
        long other = given.agent("Other");

        availability.choose(self, AvailabilityStatus.AWAY);
        assertThat(availability.of(self)).isEqualTo(AvailabilityStatus.AWAY);
        assertThatThrownBy(() -> availability.choose(other, AvailabilityStatus.ONLINE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(availability.of(other)).isEqualTo(AvailabilityStatus.OFFLINE);
        assertThat(availability.agents()).extracting(AgentAvailability::agentId).contains(self, other);
    }

    @Test
    void a_team_is_deleted_only_when_no_unresolved_conversation_or_triage_rule_needs_it() {
        long team = teams.create("Short-lived " + UUID.randomUUID()).id();
        long conversation = given.arrivesIn(team);

        assertThatThrownBy(() -> teams.delete(team)).isInstanceOf(RoutingException.class)
                .hasMessageContaining("still has 1 conversation that is not resolved");
        store.changeStatus(conversation, ConversationStatus.RESOLVED, null);

        TriageRuleView rule = triage.save(new TriageRuleView(null, "Route " + UUID.randomUUID(), true,
                "intent-" + UUID.randomUUID(), null, null, null, null, null, team));
        assertThatThrownBy(() -> teams.delete(team)).isInstanceOf(RoutingException.class)
                .hasMessageContaining("routes to");
        triage.delete(rule.id());

        teams.delete(team);
        assertThat(teams.listTeams()).noneMatch(t -> t.id() == team);
        assertThat(jdbc.queryForObject("select team_id from conversation where id = ?", Long.class, conversation))
                .as("the resolved conversation lost the team").isNull();
    }

    @Test
    void names_are_trimmed_unique_regardless_of_case_and_not_empty_and_capacities_are_bounded() {
        String name = "Support " + UUID.randomUUID();
        long id = teams.create("  " + name + "  ").id();
        assertThat(teams.settings(id).name()).isEqualTo(name);
        assertThatThrownBy(() -> teams.create(name.toLowerCase())).isInstanceOf(RoutingException.class)
                .hasMessage("A team named “" + name + "” exists already.");
        long other = teams.create("Other " + UUID.randomUUID()).id();
        assertThatThrownBy(() -> teams.rename(other, name)).isInstanceOf(RoutingException.class);
        assertThatThrownBy(() -> teams.rename(other, " ")).isInstanceOf(RoutingException.class)
                .hasMessage("A team needs a name.");
        long agent = given.agent("Cap");
        assertThatThrownBy(() -> capacities.set(agent, Map.of("webchat", -1))).isInstanceOf(RoutingException.class)
                .hasMessage("A capacity is between 0 and 1000 open conversations (got -1 for webchat).");
        assertThat(capacities.of(agent)).isEmpty();
    }
}
