package org.switchboard.portal.routing;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;

/**
 * Agents' availability: ONLINE (takes new conversations), AWAY (keeps theirs, gets no new ones), OFFLINE. The agent
 * sets it in the navbar; signing in makes an agent ONLINE again (or AWAY when that was their last choice) and the
 * end of their last session makes them OFFLINE. Changes are announced after commit: the router reacts, and views
 * can {@link #subscribe}.
 */
@Service
public class Availability implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Availability.class);

    private final NamedParameterJdbcTemplate sql;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Consumer<AvailabilityChanged>> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();

    Availability(NamedParameterJdbcTemplate sql, AgentDirectory agents, ApplicationEventPublisher events,
            Clock clock) {
        this.sql = sql;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** An agent's availability; OFFLINE for an agent who never signed in. */
    @Transactional(readOnly = true)
    public AvailabilityStatus of(long agentId) {
        return of(List.of(agentId)).getOrDefault(agentId, AvailabilityStatus.OFFLINE);
    }

    /** The availability of several agents; those missing from the map are OFFLINE. */
    @Transactional(readOnly = true)
    public Map<Long, AvailabilityStatus> of(Collection<Long> agentIds) {
        Map<Long, AvailabilityStatus> found = new HashMap<>();
        if (agentIds.isEmpty()) {
            return found;
        }
        sql.query("select agent_id, status from agent_availability where agent_id in (:ids)",
                Map.of("ids", agentIds), rs -> {
                    found.put(rs.getLong(1), AvailabilityStatus.valueOf(rs.getString(2)));
                });
        return found;
    }

    /** Every enabled agent with their availability, by name: for transfer dialogs and member pickers. */
    @Transactional(readOnly = true)
    public List<AgentAvailability> agents() {
        return sql.query("""
                select g.id, g.display_name, g.email, coalesce(v.status, 'OFFLINE') from agent g
                left join agent_availability v on v.agent_id = g.id
                where g.enabled order by g.display_name, g.id""", Map.of(),
                (rs, i) -> new AgentAvailability(rs.getLong(1), rs.getString(2), rs.getString(3),
                        AvailabilityStatus.valueOf(rs.getString(4))));
    }

    /**
     * The signed-in agent sets their own availability (a supervisor may set anyone's); it is also remembered as
     * their choice, which the next sign-in restores when it was AWAY.
     *
     * @throws org.springframework.security.access.AccessDeniedException when someone else's is set by a non-supervisor
     * @throws RoutingException                                          when there is no such agent
     */
    @Transactional
    public void choose(long agentId, AvailabilityStatus status) {
        boolean self = RoleCheck.signedIn().flatMap(agents::findByEmail).map(AgentView::id)
                .filter(id -> id == agentId).isPresent();
        if (!self) {
            RoleCheck.require(Role.SUPERVISOR, "set another agent's availability");
        }
        change(agentId, status, true);
    }

    /** The agent's first session started: ONLINE, or AWAY when they chose AWAY last (never OFFLINE: they came). */
    @Transactional
    void signedIn(long agentId) {
        ensureRow(agentId);
        String chosen = sql.queryForObject("select chosen_status from agent_availability where agent_id = :id",
                Map.of("id", agentId), String.class);
        change(agentId, AvailabilityStatus.AWAY.name().equals(chosen) ? AvailabilityStatus.AWAY
                : AvailabilityStatus.ONLINE, false);
    }

    /** The agent's last session ended (sign-out or expiry). */
    @Transactional
    void signedOut(long agentId) {
        change(agentId, AvailabilityStatus.OFFLINE, false);
    }

    /**
     * Sets the availability (the row is locked, so concurrent changes of one agent apply one after the other and
     * each announces what it changed).
     */
    @Transactional
    void change(long agentId, AvailabilityStatus status, boolean chosen) {
        ensureRow(agentId);
        List<String> current = sql.queryForList(
                "select status from agent_availability where agent_id = :id for update", Map.of("id", agentId),
                String.class);
        if (current.isEmpty()) {
            throw new RoutingException("There is no agent #" + agentId + ".");
        }
        AvailabilityStatus previous = AvailabilityStatus.valueOf(current.getFirst());
        var params = new MapSqlParameterSource("id", agentId).addValue("status", status.name())
                .addValue("now", utc(clock));
        if (chosen) {
            sql.update("update agent_availability set chosen_status = :status where agent_id = :id", params);
        }
        if (previous != status) {
            sql.update("update agent_availability set status = :status, changed_at = :now where agent_id = :id",
                    params);
            events.publishEvent(new AvailabilityChanged(agentId, previous, status));
        }
    }

    private void ensureRow(long agentId) {
        // INSERT IGNORE also skips an unknown agent id (foreign key), which the caller then reports.
        sql.update("""
                insert ignore into agent_availability (agent_id, status, chosen_status, changed_at)
                values (:id, 'OFFLINE', 'ONLINE', :now)""",
                new MapSqlParameterSource("id", agentId).addValue("now", utc(clock)));
    }

    /**
     * Sessions do not survive a restart (a single node keeps them in memory), so nobody is signed in when the portal
     * starts. Their conversations stay assigned: a restart is not an agent leaving.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void nobodyIsSignedInAfterStart() {
        int reset = sql.update("""
                update agent_availability set status = 'OFFLINE', changed_at = :now where status <> 'OFFLINE'""",
                Map.of("now", utc(clock)));
        if (reset > 0) {
            log.info("Set {} agents offline: sessions do not survive a restart", reset);
        }
    }

    /** Subscribes to availability changes (after commit, on another thread); run the handle to unsubscribe. */
    public Runnable subscribe(Consumer<AvailabilityChanged> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void announce(AvailabilityChanged change) {
        for (Consumer<AvailabilityChanged> subscriber : subscribers) {
            fanOut.execute(() -> {
                try {
                    subscriber.accept(change);
                } catch (RuntimeException e) {
                    log.debug("Availability subscriber failed", e);
                }
            });
        }
    }

    @Override
    public void destroy() {
        fanOut.shutdownNow();
    }

    static LocalDateTime utc(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
