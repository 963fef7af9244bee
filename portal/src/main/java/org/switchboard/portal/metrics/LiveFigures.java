package org.switchboard.portal.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxQueries;
import org.switchboard.portal.inbox.InboxScope;
import org.switchboard.portal.inbox.InboxSort;
import org.switchboard.portal.inbox.SlaFilter;
import org.switchboard.portal.routing.Availability;
import org.switchboard.portal.routing.AvailabilityStatus;

/**
 * The Overview's live tiles, from the conversations as they are now (the inbox's indexed counts) and routing's
 * availability: not historical metrics, so not from the rollups. Supervisors and admins only.
 */
@Service
public class LiveFigures {

    /**
     * What the tiles show.
     *
     * @param open           conversations with status open
     * @param unassigned     open, pending or snoozed, and nobody's
     * @param waitingLongest how long the customer waiting longest for an answer has waited, or {@code null}
     * @param agentsOnline   agents whose availability is ONLINE
     * @param slaAtRisk      open, pending or snoozed with a target due within the warning window or breached
     */
    public record Tiles(long open, long unassigned, Duration waitingLongest, long agentsOnline, long slaAtRisk) {
    }

    private final InboxQueries inbox;
    private final Availability availability;
    private final MetricsAccess access;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LiveFigures(InboxQueries inbox, Availability availability, MetricsAccess access, DataSource dataSource,
            Clock clock) {
        this.inbox = inbox;
        this.availability = availability;
        this.access = access;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** @throws org.springframework.security.access.AccessDeniedException unless a supervisor or admin asks */
    public Tiles now() {
        access.requireSupervisor("see the live figures");
        AgentView viewer = access.self();
        long open = inbox.count(InboxCriteria.ANYTHING.withStatuses(Set.of(ConversationStatus.OPEN)), viewer);
        long unassigned = inbox.count(InboxCriteria.of(InboxScope.UNASSIGNED), viewer);
        InboxCriteria waiting = InboxCriteria.of(InboxScope.ALL).withSort(InboxSort.WAITING_LONGEST);
        Instant now = clock.instant();
        Duration longest = inbox.page(waiting, viewer, null, 1).rows().stream().findFirst()
                .map(c -> c.waitingSince() == null ? null : Duration.between(c.waitingSince(), now))
                .orElse(null);
        long atRisk = inbox.count(withSla(SlaFilter.DUE_SOON), viewer) + inbox.count(withSla(SlaFilter.BREACHED),
                viewer);
        long online = availability.agents().stream().filter(a -> a.status() == AvailabilityStatus.ONLINE).count();
        return new Tiles(open, unassigned, longest, online, atRisk);
    }

    /** Conversations not resolved per assignee now: the leaderboard's "open now" (one grouped query). */
    public Map<Long, Long> openPerAgent() {
        access.requireSupervisor("see everyone's open conversations");
        Map<Long, Long> open = new HashMap<>();
        jdbc.query("select assignee_id, count(*) from conversation where status in ('OPEN', 'PENDING', 'SNOOZED')"
                + " and assignee_id is not null group by assignee_id", rs -> {
                    open.put(rs.getLong(1), rs.getLong(2));
                });
        return open;
    }

    private static InboxCriteria withSla(SlaFilter sla) {
        return new InboxCriteria(InboxScope.ALL, InboxCriteria.ACTIVE, null, null, null, null, null, null, null, sla,
                null, null);
    }
}
