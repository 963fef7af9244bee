package org.switchboard.portal.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.customer.Sql;

/**
 * Builds the SQL of an inbox list: the scope and filters as a WHERE clause over {@code conversation c}, and the
 * sort's keyset condition and ORDER BY. Every value is a bound parameter; only fixed fragments are concatenated.
 */
final class InboxSql {

    /** One sort: its key column, direction, and the rows it leaves out (those without a key). */
    private record Order(String column, boolean descending, String requires) {
    }

    private static final List<String> EVERY_STATUS =
            Arrays.stream(ConversationStatus.values()).map(Enum::name).toList();

    /** Every condition but the status (kept apart: see {@link #page}). */
    final StringBuilder where = new StringBuilder("1 = 1");
    final MapSqlParameterSource params = new MapSqlParameterSource();
    private final List<String> statuses;
    private final Order order;

    /**
     * @param viewer       the signed-in agent (for Mine and My teams)
     * @param viewerTeams  the viewer's teams
     * @param teamScoped   whether the viewer sees only their own and their teams' conversations
     * @param dueSoonWithin the SLA warning window
     */
    InboxSql(InboxCriteria criteria, long viewer, List<Long> viewerTeams, boolean teamScoped, Duration dueSoonWithin,
            Clock clock) {
        params.addValue("viewer", viewer);
        // The teams as values, not a sub-select: MariaDB then reads the team index with equalities.
        params.addValue("myTeams", viewerTeams);
        String myTeams = viewerTeams.isEmpty() ? "1 = 0" : "c.team_id in (:myTeams)";
        switch (criteria.scope()) {
            case ALL -> { }
            case MINE -> and("c.assignee_id = :viewer");
            case UNASSIGNED -> and("c.assignee_id is null");
            case MY_TEAMS -> and(myTeams);
        }
        if (teamScoped) {
            and("(c.assignee_id = :viewer or " + myTeams + ")");
        }
        statuses = criteria.statuses().stream().map(Enum::name).sorted().toList();
        if (!statuses.isEmpty()) {
            params.addValue("statuses", statuses);
        }
        if (!criteria.channelAccountIds().isEmpty()) {
            and("c.last_channel_account_id in (:channels)", "channels", criteria.channelAccountIds());
        }
        if (criteria.assigneeId() != null) {
            and("c.assignee_id = :assignee", "assignee", criteria.assigneeId());
        }
        if (criteria.teamId() != null) {
            and("c.team_id = :team", "team", criteria.teamId());
        }
        if (!criteria.labels().isEmpty()) {
            and("exists (select 1 from conversation_label l where l.conversation_id = c.id and l.label in (:labels))",
                    "labels", criteria.labels());
        }
        if (!criteria.priorities().isEmpty()) {
            and("c.priority in (:priorities)", "priorities", criteria.priorities().stream().map(Enum::name).toList());
        }
        if (!criteria.intents().isEmpty()) {
            and("c.intent in (:intents)", "intents", criteria.intents());
        }
        if (!criteria.sentiments().isEmpty()) {
            and("c.sentiment in (:sentiments)", "sentiments", criteria.sentiments());
        }
        if (criteria.sla() != null) {
            switch (criteria.sla()) {
                case BREACHED -> and("c.sla_breached = true");
                case DUE_SOON -> and("c.sla_breached = false and c.sla_due_at <= :dueSoon", "dueSoon",
                        Sql.utc(clock.instant().plus(dueSoonWithin)));
            }
        }
        if (criteria.waitingAtLeast() != null) {
            and("c.waiting_since <= :waitingSince", "waitingSince",
                    Sql.utc(clock.instant().minus(criteria.waitingAtLeast())));
        }
        order = switch (criteria.sort()) {
            case LAST_ACTIVITY -> new Order("c.last_activity_at", true, null);
            case WAITING_LONGEST -> new Order("c.waiting_since", false, "c.waiting_since is not null");
            case SLA_DUE -> new Order("c.sla_due_at", false, "c.sla_due_at is not null");
        };
    }

    /**
     * The page query: ids and sort keys after the cursor, one more row than the page to know if more follow.
     *
     * <p>With several statuses (the default: open, pending and snoozed), or none (any status), it reads each status on
     * its own and merges: the sort indexes start with the status, so {@code status in (…)} would make MariaDB read
     * every matching row of all the ranges and sort them, while {@code status = ?} walks one index in sort order and
     * stops at the page size. That made the first page of narrow filters 5× slower (benchmarks/README.md, inbox
     * findings).
     */
    String page(InboxCursor after, int size) {
        List<String> conditions = new ArrayList<>(List.of(where.toString()));
        if (order.requires() != null) {
            conditions.add(order.requires());
        }
        if (after != null) {
            String beyond = order.descending() ? "<" : ">";
            conditions.add("(" + order.column() + " " + beyond + " :afterKey or (" + order.column()
                    + " = :afterKey and c.id " + beyond + " :afterId))");
            params.addValue("afterKey", Sql.utc(after.key())).addValue("afterId", after.id());
        }
        params.addValue("limit", size + 1);
        String direction = order.descending() ? " desc" : " asc";
        if (statuses.size() == 1) {
            conditions.add("c.status in (:statuses)");
            return select(conditions) + " order by " + order.column() + direction + ", c.id" + direction
                    + " limit :limit";
        }
        // No status filter reads every status the same way, so no index on the sort key alone is needed: such an
        // index would move with every message (docs/ingest.md, Performance).
        List<String> branches = statuses.isEmpty() ? EVERY_STATUS : statuses;
        params.addValue("branchLimit", size + 1);
        List<String> perStatus = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            params.addValue("status" + i, branches.get(i));
            List<String> withStatus = new ArrayList<>(conditions);
            withStatus.add("c.status = :status" + i);
            perStatus.add("(" + select(withStatus) + " order by " + order.column() + direction + ", c.id" + direction
                    + " limit :branchLimit)");
        }
        return "select id, sort_key from (" + String.join(" union all ", perStatus) + ") merged order by sort_key"
                + direction + ", id" + direction + " limit :limit";
    }

    private String select(List<String> conditions) {
        return "select c.id, " + order.column() + " as sort_key from conversation c where "
                + String.join(" and ", conditions);
    }

    /** How many rows the list has in all (the sort's own restriction included). */
    String count() {
        return "select count(*) from conversation c where " + filters()
                + (order.requires() == null ? "" : " and " + order.requires());
    }

    /** The filters restricted to given conversations (for search results). */
    String idsAmong() {
        return "select c.id from conversation c where " + filters() + " and c.id in (:among)";
    }

    private String filters() {
        return statuses.isEmpty() ? where.toString() : where + " and c.status in (:statuses)";
    }

    private void and(String condition) {
        where.append(" and ").append(condition);
    }

    private void and(String condition, String name, Object value) {
        and(condition);
        params.addValue(name, value);
    }
}
