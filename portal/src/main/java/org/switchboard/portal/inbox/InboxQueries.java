package org.switchboard.portal.inbox;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.customer.Sql;
import org.switchboard.portal.sla.SlaQueries;

/**
 * Reads inbox lists: one SQL query for the page's ids in order (keyset-paged over the sort's index), then the rows'
 * summaries in one more query. Counts use the same conditions, so a tab's count and its list always agree.
 */
@Service
@Transactional(readOnly = true)
public class InboxQueries {

    /** Pages are capped so one request can never read an unbounded list. */
    public static final int MAX_PAGE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationQueries conversations;
    private final InboxProperties properties;
    private final SlaQueries sla;
    private final Clock clock;

    InboxQueries(DataSource dataSource, ConversationQueries conversations, InboxProperties properties, SlaQueries sla,
            Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.conversations = conversations;
        this.properties = properties;
        this.sla = sla;
        this.clock = clock;
    }

    /** One page of the list the criteria describe, as the viewer may see it. */
    public InboxPage page(InboxCriteria criteria, AgentView viewer, InboxCursor after, int size) {
        int limit = Math.clamp(size, 1, MAX_PAGE);
        InboxSql sql = sql(criteria, viewer);
        record Key(long id, java.time.Instant key) {
        }
        List<Key> keys = jdbc.query(sql.page(after, limit), sql.params,
                (rs, n) -> new Key(rs.getLong("id"), Sql.instant(rs, "sort_key")));
        boolean more = keys.size() > limit;
        List<Key> shown = more ? keys.subList(0, limit) : keys;
        InboxCursor next = more ? new InboxCursor(shown.getLast().key(), shown.getLast().id()) : null;
        return new InboxPage(conversations.summariesInOrder(shown.stream().map(Key::id).toList()), next);
    }

    /** How many conversations the list holds (viewer as in {@link InboxSearch#search}). */
    public long count(InboxCriteria criteria, AgentView viewer) {
        InboxSql sql = sql(criteria, viewer);
        Long count = jdbc.queryForObject(sql.count(), sql.params, Long.class);
        return count == null ? 0 : count;
    }

    /** The count of every scope with the same filters, for the view tabs. */
    public Map<InboxScope, Long> countsPerScope(InboxCriteria criteria, AgentView viewer) {
        Map<InboxScope, Long> counts = new EnumMap<>(InboxScope.class);
        for (InboxScope scope : InboxScope.values()) {
            counts.put(scope, count(criteria.withScope(scope), viewer));
        }
        return counts;
    }

    /** Which of the given conversations the criteria's filters (not its sort) and the viewer's scoping let through. */
    public List<Long> filter(List<Long> conversationIds, InboxCriteria criteria, AgentView viewer) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        InboxSql sql = sql(criteria, viewer);
        sql.params.addValue("among", conversationIds);
        var allowed = new java.util.HashSet<>(jdbc.queryForList(sql.idsAmong(), sql.params, Long.class));
        return conversationIds.stream().filter(allowed::contains).toList();
    }

    /** Whether the viewer may open the conversation (team scoping). */
    public boolean canSee(long conversationId, AgentView viewer) {
        return !filter(List.of(conversationId), InboxCriteria.ANYTHING, viewer).isEmpty();
    }

    private InboxSql sql(InboxCriteria criteria, AgentView viewer) {
        if (viewer == null && criteria.scope() != InboxScope.ALL) {
            throw new IllegalArgumentException("the " + criteria.scope() + " view needs a signed-in agent");
        }
        long viewerId = viewer == null ? -1 : viewer.id();
        List<Long> teams = viewer == null ? List.of() : jdbc.queryForList(
                "select team_id from team_member where agent_id = :viewer", Map.of("viewer", viewerId), Long.class);
        return new InboxSql(criteria, viewerId, teams, teamScoped(viewer), sla.warnBefore(), clock);
    }

    /** Team scoping applies to agents only; supervisors, admins and the portal itself see everything. */
    private boolean teamScoped(AgentView viewer) {
        return viewer != null && properties.teamScoping() && !viewer.roles().contains(Role.SUPERVISOR)
                && !viewer.roles().contains(Role.ADMIN);
    }
}
