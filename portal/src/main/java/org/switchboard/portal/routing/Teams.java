package org.switchboard.portal.routing;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Agent;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.agent.TeamRepository;
import org.switchboard.portal.audit.AuditLog;

/**
 * Teams: the lookups the inbox needs ("my teams", team pickers) and their administration. Admins create, rename and
 * delete teams and set how a team assigns; supervisors (and admins) add and remove members. Every change is
 * audited.
 */
@Service
public class Teams {

    /** Audit actions, stable strings (they are stored). */
    public static final String AUDIT_CREATED = "team.created";
    public static final String AUDIT_RENAMED = "team.renamed";
    public static final String AUDIT_DELETED = "team.deleted";
    public static final String AUDIT_MEMBER_ADDED = "team.member-added";
    public static final String AUDIT_MEMBER_REMOVED = "team.member-removed";
    public static final String AUDIT_ROUTING_CHANGED = "team.routing-changed";

    static final int NAME_LENGTH = 120;

    private final TeamRepository teams;
    private final NamedParameterJdbcTemplate sql;
    private final EntityManager entityManager;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Teams(TeamRepository teams, NamedParameterJdbcTemplate sql, EntityManager entityManager, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.sql = sql;
        this.entityManager = entityManager;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** All teams by name. */
    @Transactional(readOnly = true)
    public List<TeamSummary> listTeams() {
        return sql.query("select id, name from team order by name, id", Map.of(),
                (rs, i) -> new TeamSummary(rs.getLong(1), rs.getString(2)));
    }

    /** The teams an agent is a member of (the inbox's "My teams" view). */
    @Transactional(readOnly = true)
    public Set<Long> teamIdsOf(long agentId) {
        return new TreeSet<>(sql.queryForList("select team_id from team_member where agent_id = :id",
                Map.of("id", agentId), Long.class));
    }

    /** All teams with their routing settings, by name. */
    @Transactional(readOnly = true)
    public List<TeamSettings> list() {
        return sql.query(SETTINGS + " order by t.name, t.id", Map.of(), (rs, i) -> settingsRow(rs));
    }

    /** @throws RoutingException when there is no such team */
    @Transactional(readOnly = true)
    public TeamSettings settings(long teamId) {
        return sql.query(SETTINGS + " where t.id = :id", Map.of("id", teamId), (rs, i) -> settingsRow(rs)).stream()
                .findFirst().orElseThrow(() -> noTeam(teamId));
    }

    /** A team's members with their availability, by name. */
    @Transactional(readOnly = true)
    public List<AgentAvailability> members(long teamId) {
        return sql.query("""
                select g.id, g.display_name, g.email, coalesce(v.status, 'OFFLINE') from team_member m
                join agent g on g.id = m.agent_id
                left join agent_availability v on v.agent_id = g.id
                where m.team_id = :id order by g.display_name, g.id""", Map.of("id", teamId),
                (rs, i) -> new AgentAvailability(rs.getLong(1), rs.getString(2), rs.getString(3),
                        AvailabilityStatus.valueOf(rs.getString(4))));
    }

    /**
     * Creates a team (admins only); it assigns manually until an admin chooses a mode.
     *
     * @throws RoutingException when the name is empty, too long or taken
     */
    @Transactional
    public TeamSummary create(String name) {
        RoleCheck.require(Role.ADMIN, "create teams");
        String clean = checkName(name, null);
        Team team = saved(new Team(clean, clock.instant()), clean);
        audit.recordAfterCommit(actor(), AUDIT_CREATED, target(team.getId()), clean);
        return new TeamSummary(team.getId(), clean);
    }

    /**
     * Renames a team (admins only).
     *
     * @throws RoutingException when there is no such team, or the name is empty, too long or taken
     */
    @Transactional
    public void rename(long teamId, String name) {
        RoleCheck.require(Role.ADMIN, "rename teams");
        Team team = find(teamId);
        String clean = checkName(name, teamId);
        String before = team.getName();
        if (before.equals(clean)) {
            return;
        }
        team.rename(clean);
        saved(team, clean);
        audit.recordAfterCommit(actor(), AUDIT_RENAMED, target(teamId), before + " -> " + clean);
    }

    /**
     * Deletes a team (admins only) when nothing still needs it: no conversation that is not resolved, no triage rule
     * routing to it. Resolved conversations lose the team (their TEAM_CHANGED events keep the history).
     *
     * @throws RoutingException when the team is still in use (nothing is changed)
     */
    @Transactional
    public void delete(long teamId) {
        RoleCheck.require(Role.ADMIN, "delete teams");
        Team team = find(teamId);
        var id = Map.of("id", teamId);
        Integer open = sql.queryForObject(
                "select count(*) from conversation where team_id = :id and status <> 'RESOLVED'", id, Integer.class);
        if (open != null && open > 0) {
            throw new RoutingException("“" + team.getName() + "” still has " + open + " conversation"
                    + (open == 1 ? "" : "s") + " that " + (open == 1 ? "is" : "are")
                    + " not resolved; move them to another team first.");
        }
        List<String> rules = sql.queryForList("select name from triage_rule where route_to_team_id = :id", id,
                String.class);
        if (!rules.isEmpty()) {
            throw new RoutingException("The triage rule “" + rules.getFirst() + "” routes to “" + team.getName()
                    + "”; change or delete it first.");
        }
        sql.update("update conversation set team_id = null where team_id = :id", id);
        try {
            teams.delete(team);
            teams.flush();
        } catch (DataIntegrityViolationException stillUsed) {
            throw new RoutingException("“" + team.getName() + "” is still used elsewhere and cannot be deleted.");
        }
        audit.recordAfterCommit(actor(), AUDIT_DELETED, target(teamId), team.getName());
    }

    /**
     * Adds an agent to a team (supervisors and admins). An automatic team may assign them waiting conversations at
     * once.
     *
     * @throws RoutingException when there is no such team or enabled agent
     */
    @Transactional
    public void addMember(long teamId, long agentId) {
        RoleCheck.require(Role.SUPERVISOR, "change team members");
        Team team = find(teamId);
        Agent agent = entityManager.find(Agent.class, agentId);
        if (agent == null || !agent.isEnabled()) {
            throw new RoutingException("There is no enabled agent #" + agentId + ".");
        }
        if (team.getMembers().contains(agent)) {
            return;
        }
        team.addMember(agent);
        audit.recordAfterCommit(actor(), AUDIT_MEMBER_ADDED, target(teamId), agent.getEmail());
        events.publishEvent(new RoutingSettingsChanged(teamId, null));
    }

    /**
     * Removes an agent from a team (supervisors and admins). Conversations assigned to them stay theirs; a
     * supervisor reassigns them if needed.
     *
     * @throws RoutingException when there is no such team
     */
    @Transactional
    public void removeMember(long teamId, long agentId) {
        RoleCheck.require(Role.SUPERVISOR, "change team members");
        Team team = find(teamId);
        Agent agent = entityManager.find(Agent.class, agentId);
        if (agent != null && team.removeMember(agent)) {
            audit.recordAfterCommit(actor(), AUDIT_MEMBER_REMOVED, target(teamId), agent.getEmail());
        }
    }

    /**
     * Sets how a team assigns its conversations and whether an agent going offline hands theirs back (admins
     * only). Switching to an automatic mode assigns the team's waiting conversations at once.
     *
     * @throws RoutingException when there is no such team
     */
    @Transactional
    public void configure(long teamId, AssignmentMode mode, boolean reassignOnOffline) {
        RoleCheck.require(Role.ADMIN, "change how teams assign");
        Objects.requireNonNull(mode, "mode");
        TeamSettings before = settings(teamId);
        if (before.mode() == mode && before.reassignOnOffline() == reassignOnOffline) {
            return;
        }
        sql.update("""
                insert into team_routing (team_id, assignment_mode, reassign_on_offline) values (:id, :mode, :reassign)
                on duplicate key update assignment_mode = :mode, reassign_on_offline = :reassign""",
                new MapSqlParameterSource("id", teamId).addValue("mode", mode.name())
                        .addValue("reassign", reassignOnOffline));
        audit.recordAfterCommit(actor(), AUDIT_ROUTING_CHANGED, target(teamId), describe(before.mode(),
                before.reassignOnOffline()) + " -> " + describe(mode, reassignOnOffline));
        events.publishEvent(new RoutingSettingsChanged(teamId, null));
    }

    private static final String SETTINGS = """
            select t.id, t.name, coalesce(r.assignment_mode, 'MANUAL'), coalesce(r.reassign_on_offline, false),
            (select count(*) from team_member m where m.team_id = t.id)
            from team t left join team_routing r on r.team_id = t.id""";

    private static TeamSettings settingsRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TeamSettings(rs.getLong(1), rs.getString(2), AssignmentMode.valueOf(rs.getString(3)),
                rs.getBoolean(4), rs.getInt(5));
    }

    private String checkName(String name, Long renaming) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new RoutingException("A team needs a name.");
        }
        if (clean.length() > NAME_LENGTH) {
            throw new RoutingException("A team name has at most " + NAME_LENGTH + " characters.");
        }
        teams.findByNameIgnoreCase(clean).filter(other -> !other.getId().equals(renaming)).ifPresent(other -> {
            throw new RoutingException("A team named “" + other.getName() + "” exists already.");
        });
        return clean;
    }

    /** Saves and flushes, so a name taken concurrently (unique key) is reported as such rather than at commit. */
    private Team saved(Team team, String name) {
        try {
            return teams.saveAndFlush(team);
        } catch (DataIntegrityViolationException taken) {
            throw new RoutingException("A team named “" + name + "” exists already.");
        }
    }

    private Team find(long teamId) {
        return teams.findById(teamId).orElseThrow(() -> noTeam(teamId));
    }

    private static RoutingException noTeam(long teamId) {
        return new RoutingException("There is no team #" + teamId + ".");
    }

    private static String describe(AssignmentMode mode, boolean reassignOnOffline) {
        return mode.label() + (reassignOnOffline ? ", reassign when offline" : "");
    }

    private static String actor() {
        return RoleCheck.signedIn().orElse("system");
    }

    private static String target(long teamId) {
        return "team:" + teamId;
    }
}
