package org.switchboard.portal.routing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.portal.AsSystem;
import org.switchboard.portal.Await;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/** Agents, teams and customers writing in, for routing tests (everything through the portal's own services). */
final class RoutingFixture {

    private final AgentDirectory agents;
    private final Teams teams;
    private final Availability availability;
    private final InboundPipeline pipeline;
    private final ChannelAccounts accounts;
    private final ConversationWorkflow workflow;
    private final JdbcTemplate jdbc;

    RoutingFixture(AgentDirectory agents, Teams teams, Availability availability, InboundPipeline pipeline,
            ChannelAccounts accounts, ConversationWorkflow workflow, JdbcTemplate jdbc) {
        this.agents = agents;
        this.teams = teams;
        this.availability = availability;
        this.pipeline = pipeline;
        this.accounts = accounts;
        this.workflow = workflow;
        this.jdbc = jdbc;
    }

    long agent(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
        return AsSystem.call(() -> agents.create(email, name, "a long enough password", Set.of(Role.AGENT))).id();
    }

    long team(AssignmentMode mode, boolean reassignOnOffline, long... members) {
        long team = teams.create("Team " + UUID.randomUUID()).id();
        for (long member : members) {
            teams.addMember(team, member);
        }
        teams.configure(team, mode, reassignOnOffline);
        return team;
    }

    void set(long agentId, AvailabilityStatus status) {
        availability.change(agentId, status, false);
    }

    /** A new customer writes on web chat; returns the new (unassigned, team-less) conversation. */
    long customerWrites() {
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        return inbound.writes(inbound.anyWebchatAccount(), Inbound.newPhone(), "Pat Routing",
                "Hello " + UUID.randomUUID()).conversationId();
    }

    /** A new conversation moved into the team (as an agent or a triage rule would). */
    long arrivesIn(long team) {
        long conversation = customerWrites();
        workflow.transferToTeam(conversation, team, null, null);
        return conversation;
    }

    /** A new conversation in the team, once the router assigned it; returns the assignee. */
    long assignedInTurn(long team) {
        long conversation = arrivesIn(team);
        Await.until("conversation #" + conversation + " is assigned", () -> assignee(conversation) != null);
        return assignee(conversation);
    }

    Long assignee(long conversation) {
        return jdbc.queryForObject("select assignee_id from conversation where id = ?", Long.class, conversation);
    }

    List<String> assignedEvents(long conversation) {
        return jdbc.queryForList("select detail from conversation_event where conversation_id = ? and event_type ="
                + " 'ASSIGNED' order by occurred_at, id", String.class, conversation);
    }

    /** Open conversations assigned to the agent. */
    int openOf(long agentId) {
        return jdbc.queryForObject("select count(*) from conversation where assignee_id = ? and status <> 'RESOLVED'",
                Integer.class, agentId);
    }
}
