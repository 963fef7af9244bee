package org.switchboard.portal.routing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.routing.MemberPicker.Candidate;

/**
 * Assigns conversations waiting in an automatic team's queue (open, unassigned, in a ROUND_ROBIN or LEAST_LOADED
 * team) to a member who is ONLINE and below their capacity for the conversation's channel kind, and hands an
 * offline agent's conversations back to teams that want that.
 *
 * <p>Capacity holds under concurrency, also across nodes and for an agent in several teams: each assignment is one
 * short READ COMMITTED transaction that first locks the team's {@code team_routing} row (one assignment per team at a
 * time, and the round-robin pointer read and moved consistently), then the online candidates'
 * {@code agent_availability} rows in id order (so two teams never give one agent a conversation at once, and never
 * deadlock), and only then counts the candidates' open conversations, which under READ COMMITTED sees every
 * assignment committed before the locks were granted. Manual assignments take no locks: capacity limits the router,
 * not people.
 */
@Service
class AutoAssigner {

    /** What routing one conversation did. */
    enum Outcome {
        ASSIGNED,
        /** It waits, and no member of its team is online. */
        NOBODY_ONLINE,
        /** It waits: the online members are at capacity for its channel kind. */
        NO_CAPACITY,
        /** Nothing to do: not open, already assigned, no team, or a manual team. */
        NOT_WAITING
    }

    private static final Logger log = LoggerFactory.getLogger(AutoAssigner.class);
    private static final String OPEN = "OPEN";
    private static final int DRAIN_BATCH = 500;

    private final NamedParameterJdbcTemplate sql;
    private final ConversationStore store;
    private final Capacities capacities;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;

    AutoAssigner(NamedParameterJdbcTemplate sql, ConversationStore store, Capacities capacities,
            PlatformTransactionManager transactions, java.time.Clock clock) {
        this.sql = sql;
        this.store = store;
        this.capacities = capacities;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Assigns the conversation when it waits in an automatic team's queue and a member can take it. */
    Outcome route(long conversationId) {
        return ConflictRetry.retry(() -> transaction.execute(status -> routeNow(conversationId)));
    }

    /**
     * After changes of these conversations: route those that wait; when one was resolved, its agent has room again.
     * One query reads them all, without a transaction: under load most changes are customers' messages in
     * conversations without an automatic team, and a query per change cost MariaDB more than any other statement
     * of an ingested message. A failure on one conversation does not stop the others (the sweep catches up).
     */
    void conversationsChanged(List<Long> conversationIds) {
        Set<Long> drainedAgents = new HashSet<>();
        for (Waiting seen : conversations(conversationIds)) {
            try {
                if ("RESOLVED".equals(seen.status()) && seen.assigneeId() != null) {
                    if (drainedAgents.add(seen.assigneeId())) {
                        drainTeamsOf(seen.assigneeId());
                    }
                } else if (seen.teamId() != null && OPEN.equals(seen.status())) {
                    route(seen.id());
                }
            } catch (RuntimeException e) {
                log.warn("Routing failed for conversation #{}: {}", seen.id(), e.toString());
            }
        }
    }

    /**
     * Assigns a team's waiting conversations, longest waiting first, while members have room. Once a channel kind
     * found nobody with room, the rest of that kind is skipped in this round: nothing else changed for them.
     */
    void drainTeam(long teamId) {
        Optional<TeamRouting> team = teamRouting(teamId, false);
        if (team.isEmpty() || !team.get().mode().automatic()) {
            return;
        }
        List<Map.Entry<Long, String>> waiting = sql.query("""
                select c.id, coalesce(a.connector_id, '') from conversation c
                left join channel_account a on a.id = c.last_channel_account_id
                where c.team_id = :team and c.status = 'OPEN' and c.assignee_id is null
                order by coalesce(c.waiting_since, c.created_at), c.id limit :batch""",
                new MapSqlParameterSource("team", teamId).addValue("batch", DRAIN_BATCH),
                (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)));
        Set<String> full = new HashSet<>();
        for (Map.Entry<Long, String> conversation : waiting) {
            if (full.contains(conversation.getValue())) {
                continue;
            }
            Outcome outcome = route(conversation.getKey());
            if (outcome == Outcome.NOBODY_ONLINE) {
                return;
            }
            if (outcome == Outcome.NO_CAPACITY) {
                full.add(conversation.getValue());
            }
        }
    }

    /** An agent came online or has room again: their automatic teams' queues. */
    void drainTeamsOf(long agentId) {
        sql.queryForList("""
                select r.team_id from team_routing r join team_member m on m.team_id = r.team_id
                where m.agent_id = :agent and r.assignment_mode <> 'MANUAL' order by r.team_id""",
                Map.of("agent", agentId), Long.class).forEach(this::drainTeam);
    }

    /** Every automatic team's queue (the periodic safety net). */
    void drainAll() {
        sql.queryForList("select team_id from team_routing where assignment_mode <> 'MANUAL' order by team_id",
                Map.of(), Long.class).forEach(this::drainTeam);
    }

    /**
     * The agent went offline: in each of their teams that reassigns on offline, their conversations that are not
     * resolved go back to the team (unassigned, recorded "agent went offline") and an automatic team assigns them
     * again. Skipped for any conversation once the agent is back.
     */
    void releaseOffline(long agentId) {
        List<Long> teams = sql.queryForList("""
                select r.team_id from team_routing r join team_member m on m.team_id = r.team_id
                where m.agent_id = :agent and r.reassign_on_offline order by r.team_id""",
                Map.of("agent", agentId), Long.class);
        for (Long teamId : teams) {
            List<Long> theirs = sql.queryForList("""
                    select id from conversation where assignee_id = :agent and team_id = :team and status <> 'RESOLVED'
                    order by id""", new MapSqlParameterSource("agent", agentId).addValue("team", teamId), Long.class);
            for (Long conversationId : theirs) {
                ConflictRetry.retry(() -> transaction.execute(status -> release(conversationId, agentId, teamId)));
            }
            drainTeam(teamId);
        }
    }

    private boolean release(long conversationId, long agentId, long teamId) {
        // The agent's row is locked, so coming back online meanwhile either happens first (and they keep it) or
        // waits until this conversation is released.
        List<String> status = sql.queryForList(
                "select status from agent_availability where agent_id = :id for update", Map.of("id", agentId),
                String.class);
        if (status.isEmpty() || !AvailabilityStatus.OFFLINE.name().equals(status.getFirst())) {
            return false;
        }
        Optional<Waiting> now = conversation(conversationId);
        if (now.isEmpty() || !Objects.equals(now.get().assigneeId(), agentId)
                || !Objects.equals(now.get().teamId(), teamId) || "RESOLVED".equals(now.get().status())) {
            return false;
        }
        store.assign(conversationId, null, null, "agent went offline");
        return true;
    }

    private Outcome routeNow(long conversationId) {
        // A cheap look without locks first: most changes (messages in assigned conversations) need nothing.
        Optional<Waiting> seen = conversation(conversationId);
        if (seen.isEmpty() || seen.get().teamId() == null || !OPEN.equals(seen.get().status())) {
            return Outcome.NOT_WAITING;
        }
        long teamId = seen.get().teamId();
        if (seen.get().assigneeId() != null && !assignedOutsideAfterTransfer(seen.get(), teamId)) {
            return Outcome.NOT_WAITING;
        }
        Optional<TeamRouting> locked = teamRouting(teamId, true);
        if (locked.isEmpty() || !locked.get().mode().automatic()) {
            return Outcome.NOT_WAITING;
        }
        TeamRouting team = locked.get();
        // Again under the team's lock: another worker may have assigned or moved it meanwhile.
        Optional<Waiting> again = conversation(conversationId);
        if (again.isEmpty() || !Objects.equals(again.get().teamId(), teamId) || !OPEN.equals(again.get().status())) {
            return Outcome.NOT_WAITING;
        }
        Waiting conversation = again.get();
        if (conversation.assigneeId() != null) {
            if (!assignedOutsideAfterTransfer(conversation, teamId)) {
                return Outcome.NOT_WAITING;
            }
            // Moved into this team while assigned to someone outside it: the team's routing decides (as in Chatwoot).
            store.assign(conversationId, null, null, "not a member of the new team");
        }

        List<Long> members = members(teamId);
        List<Online> online = lockOnline(members);
        if (online.isEmpty()) {
            return Outcome.NOBODY_ONLINE;
        }
        List<Long> ids = online.stream().map(Online::agentId).toList();
        Map<Long, Map<String, Integer>> loads = loads(ids);
        Map<Long, Map<String, Integer>> limits = capacities.of(ids);
        String kind = conversation.channelKind();
        List<Candidate> withRoom = new ArrayList<>();
        for (Online agent : online) {
            Map<String, Integer> load = loads.getOrDefault(agent.agentId(), Map.of());
            int limit = limits.getOrDefault(agent.agentId(), Map.of()).getOrDefault(kind, capacities.defaultMaxOpen());
            if (load.getOrDefault(kind, 0) < limit) {
                int total = load.values().stream().mapToInt(Integer::intValue).sum();
                withRoom.add(new Candidate(agent.agentId(), total, agent.lastAssignedAt()));
            }
        }
        Long unassignedBy = manuallyUnassignedBy(conversationId);
        if (unassignedBy != null && withRoom.stream().anyMatch(c -> c.agentId() != unassignedBy)) {
            // Whoever just handed it back by hand should not get it straight back when a colleague can take it.
            withRoom.removeIf(c -> c.agentId() == unassignedBy);
        }
        Optional<Candidate> chosen = MemberPicker.pick(team.mode(), withRoom, team.lastAssignedAgentId());
        if (chosen.isEmpty()) {
            return Outcome.NO_CAPACITY;
        }
        long agentId = chosen.get().agentId();
        store.assign(conversationId, agentId, null, "automatic, " + team.mode().label());
        var params = new MapSqlParameterSource("agent", agentId).addValue("team", teamId)
                .addValue("now", Availability.utc(clock));
        sql.update("update agent_availability set last_assigned_at = :now where agent_id = :agent", params);
        sql.update("update team_routing set last_assigned_agent_id = :agent where team_id = :team", params);
        return Outcome.ASSIGNED;
    }

    /**
     * Whether an assigned conversation was moved into this automatic team after it was assigned, to someone who is
     * not a member: then the team assigns it anew. An assignment made after the transfer is a person's decision.
     */
    private boolean assignedOutsideAfterTransfer(Waiting conversation, long teamId) {
        Optional<TeamRouting> team = teamRouting(teamId, false);
        if (team.isEmpty() || !team.get().mode().automatic() || members(teamId).contains(conversation.assigneeId())) {
            return false;
        }
        List<String> latest = sql.queryForList("""
                select event_type from conversation_event
                where conversation_id = :id and event_type in ('TEAM_CHANGED', 'ASSIGNED')
                order by occurred_at desc, id desc limit 1""", Map.of("id", conversation.id()), String.class);
        return !latest.isEmpty() && latest.getFirst().equals("TEAM_CHANGED");
    }

    /** The agent who unassigned the conversation by hand, when that is the latest assignment change. */
    private Long manuallyUnassignedBy(long conversationId) {
        List<Long> by = sql.query("""
                select agent_id, detail from conversation_event
                where conversation_id = :id and event_type = 'ASSIGNED'
                order by occurred_at desc, id desc limit 1""", Map.of("id", conversationId),
                (rs, i) -> "unassigned".equals(rs.getString(2)) ? (Long) rs.getObject(1, Long.class) : null);
        return by.isEmpty() ? null : by.getFirst();
    }

    /** A conversation's routing facts; the channel kind is the connector of its last channel account ("" if none). */
    private record Waiting(long id, String status, Long assigneeId, Long teamId, String channelKind) {
    }

    private record TeamRouting(AssignmentMode mode, Long lastAssignedAgentId) {
    }

    private record Online(long agentId, LocalDateTime lastAssignedAt) {
    }

    private Optional<Waiting> conversation(long conversationId) {
        return conversations(List.of(conversationId)).stream().findFirst();
    }

    /** The conversations that exist, in the order asked. */
    private List<Waiting> conversations(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Waiting> found = new HashMap<>();
        sql.query("""
                select c.id, c.status, c.assignee_id, c.team_id, coalesce(a.connector_id, '') from conversation c
                left join channel_account a on a.id = c.last_channel_account_id where c.id in (:ids)""",
                Map.of("ids", conversationIds), rs -> {
                    found.put(rs.getLong(1), new Waiting(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class), rs.getString(5)));
                });
        return conversationIds.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private Optional<TeamRouting> teamRouting(long teamId, boolean lock) {
        return sql.query("select assignment_mode, last_assigned_agent_id from team_routing where team_id = :id"
                + (lock ? " for update" : ""), Map.of("id", teamId),
                (rs, i) -> new TeamRouting(AssignmentMode.valueOf(rs.getString(1)), rs.getObject(2, Long.class)))
                .stream().findFirst();
    }

    private List<Long> members(long teamId) {
        return sql.queryForList("""
                select m.agent_id from team_member m join agent g on g.id = m.agent_id
                where m.team_id = :id and g.enabled order by m.agent_id""", Map.of("id", teamId), Long.class);
    }

    /** The online members, their rows locked in id order (one order everywhere: no deadlock between teams). */
    private List<Online> lockOnline(List<Long> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        return sql.query("""
                select agent_id, last_assigned_at from agent_availability
                where agent_id in (:ids) and status = 'ONLINE' order by agent_id for update""",
                Map.of("ids", members),
                (rs, i) -> new Online(rs.getLong(1), rs.getObject(2, LocalDateTime.class)));
    }

    /** Open (not resolved) conversations assigned to each agent, by channel kind. */
    private Map<Long, Map<String, Integer>> loads(List<Long> agentIds) {
        Map<Long, Map<String, Integer>> loads = new HashMap<>();
        sql.query("""
                select c.assignee_id, coalesce(a.connector_id, ''), count(*) from conversation c
                left join channel_account a on a.id = c.last_channel_account_id
                where c.assignee_id in (:ids) and c.status <> 'RESOLVED'
                group by c.assignee_id, coalesce(a.connector_id, '')""", Map.of("ids", agentIds), rs -> {
                    loads.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return loads;
    }
}
