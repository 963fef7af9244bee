package org.switchboard.portal.automation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/**
 * What the engine last saw of each conversation's watched attributes (status, priority, assignee, team, labels,
 * intent, sentiment), in {@code automation_baseline}. A conversation counts as "updated" when one of them differs
 * from what was last seen; a rule's own changes are folded in as it makes them. Only the automation worker writes
 * here, one job at a time.
 */
@Component
class Baselines {

    private final NamedParameterJdbcTemplate sql;

    Baselines(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    /**
     * Starts watching new conversations from the state every conversation is created in (open, normal priority,
     * nothing else), so a change made before this runs (a classification, an assignment) still counts as an update.
     */
    void startAll(List<Long> conversationIds) {
        sql.batchUpdate("""
                insert ignore into automation_baseline (conversation_id, status, priority, labels)
                values (:id, :status, :priority, '')""", conversationIds.stream()
                .map(id -> new MapSqlParameterSource("id", id).addValue("status", ConversationStatus.OPEN.name())
                        .addValue("priority", Priority.NORMAL.name()))
                .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Compares the conversation with what was last seen and remembers it as it is now.
     *
     * @return the attributes that changed; empty when none did, when the conversation was not watched yet, or when
     *         it no longer exists
     */
    List<String> observe(long conversationId) {
        return observeAll(List.of(conversationId)).getOrDefault(conversationId, List.of());
    }

    /**
     * {@link #observe} for many conversations, reading them all in one query of plain columns: this runs for every
     * change of every conversation, with or without rules.
     *
     * @return the conversations where something changed, with what did; the others are not in the map
     */
    Map<Long, List<String>> observeAll(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        // One row per label: group_concat would cut long label lists on a server whose group_concat_max_len is
        // set low (MariaDB's default is 1 MB, MySQL's 1,024 bytes), and a cut list would look like a change.
        Map<Long, Snapshot[]> nowAndBefore = new LinkedHashMap<>();
        sql.query("""
                select c.id, c.status, c.priority, c.assignee_id, c.team_id, c.intent, c.sentiment, l.label,
                b.conversation_id, b.status, b.priority, b.assignee_id, b.team_id, b.intent, b.sentiment, b.labels
                from conversation c left join automation_baseline b on b.conversation_id = c.id
                left join conversation_label l on l.conversation_id = c.id
                where c.id in (:ids)""", Map.of("ids", conversationIds), (ResultSet rs) -> {
                    long id = rs.getLong(1);
                    // The conversation's columns are the same on each of its rows; the rows differ by label.
                    Snapshot[] pair = nowAndBefore.get(id);
                    if (pair == null) {
                        Snapshot before = rs.getObject(9) == null ? null
                                : snapshot(id, rs, 10, labels(rs.getString(16)));
                        pair = new Snapshot[] {snapshot(id, rs, 2, new TreeSet<>()), before};
                        nowAndBefore.put(id, pair);
                    }
                    if (rs.getString(8) != null) {
                        pair[0].labels().add(rs.getString(8));
                    }
                });
        Map<Long, List<String>> changes = new LinkedHashMap<>();
        List<Snapshot> firstSeen = new ArrayList<>();
        List<Snapshot> changedSince = new ArrayList<>();
        nowAndBefore.forEach((id, pair) -> {
            Snapshot current = pair[0];
            Snapshot before = pair[1];
            if (before == null) {
                firstSeen.add(current);
                return;
            }
            List<String> changed = before.differences(current);
            if (!changed.isEmpty()) {
                changedSince.add(current);
                changes.put(id, changed);
            }
        });
        // One JDBC batch each: new conversations arrive many at a time under load.
        write(firstSeen, true);
        write(changedSince, false);
        return changes;
    }

    /* Status, priority, assignee, team, intent and sentiment, in this order from column {@code first}. */
    private static Snapshot snapshot(long id, ResultSet rs, int first, Set<String> labels) throws SQLException {
        return new Snapshot(id, rs.getString(first), rs.getString(first + 1), rs.getObject(first + 2, Long.class),
                rs.getObject(first + 3, Long.class), labels, rs.getString(first + 4), rs.getString(first + 5));
    }

    /**
     * Conversations whose watched attributes differ from what the engine last saw, or that it never saw: those whose
     * trigger was lost (the portal stopped between a commit and the worker, or the queue was full). Looks at open,
     * pending and snoozed conversations and at those resolved since {@code resolvedSince}. The labels are compared
     * joined; a list cut by a low {@code group_concat_max_len} only makes a needless check, as {@link #observe}
     * compares them exactly.
     */
    List<Long> drifted(Instant resolvedSince, int limit) {
        String drift = """
                (b.conversation_id is null or not (c.status <=> b.status) or not (c.priority <=> b.priority)
                or not (c.assignee_id <=> b.assignee_id) or not (c.team_id <=> b.team_id)
                or not (c.intent <=> b.intent) or not (c.sentiment <=> b.sentiment)
                or coalesce((select group_concat(l.label order by l.label collate utf8mb4_bin separator ' ')
                    from conversation_label l where l.conversation_id = c.id), '') collate utf8mb4_bin
                    <> b.labels collate utf8mb4_bin)""";
        String from = "select c.id from conversation c left join automation_baseline b on b.conversation_id = c.id ";
        return sql.queryForList(from + "where c.status in ('OPEN', 'PENDING', 'SNOOZED') and " + drift
                + " union all " + from + "where c.status = 'RESOLVED' and c.resolved_at >= :since and " + drift
                + " limit :limit", Map.of("since", LocalDateTime.ofInstant(resolvedSince, ZoneOffset.UTC),
                        "limit", limit), Long.class);
    }

    void absorbStatus(long conversationId, ConversationStatus status) {
        set(conversationId, "status", status.name());
    }

    void absorbPriority(long conversationId, Priority priority) {
        set(conversationId, "priority", priority.name());
    }

    void absorbAssignee(long conversationId, Long agentId) {
        set(conversationId, "assignee_id", agentId);
    }

    void absorbTeam(long conversationId, Long teamId) {
        set(conversationId, "team_id", teamId);
    }

    void absorbLabels(long conversationId, Set<String> add, Set<String> remove) {
        read(conversationId).ifPresent(seen -> {
            Set<String> labels = new TreeSet<>(seen.labels());
            labels.addAll(add);
            labels.removeAll(remove);
            set(conversationId, "labels", String.join(" ", labels));
        });
    }

    private void set(long conversationId, String column, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", conversationId);
        values.put("value", value);
        sql.update("update automation_baseline set " + column + " = :value where conversation_id = :id", values);
    }

    private Optional<Snapshot> read(long conversationId) {
        return sql.query("""
                select status, priority, assignee_id, team_id, labels, intent, sentiment from automation_baseline
                where conversation_id = :id""", Map.of("id", conversationId), (rs, i) -> new Snapshot(conversationId,
                rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
                rs.getObject(4, Long.class), labels(rs.getString(5)), rs.getString(6), rs.getString(7)))
                .stream().findFirst();
    }

    private void write(List<Snapshot> snapshots, boolean insert) {
        if (snapshots.isEmpty()) {
            return;
        }
        sql.batchUpdate(insert ? """
                insert ignore into automation_baseline
                (conversation_id, status, priority, assignee_id, team_id, labels, intent, sentiment)
                values (:id, :status, :priority, :assignee, :team, :labels, :intent, :sentiment)""" : """
                update automation_baseline set status = :status, priority = :priority, assignee_id = :assignee,
                team_id = :team, labels = :labels, intent = :intent, sentiment = :sentiment
                where conversation_id = :id""",
                snapshots.stream().map(Baselines::values).toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource values(Snapshot s) {
        return new MapSqlParameterSource("id", s.conversationId())
                .addValue("status", s.status())
                .addValue("priority", s.priority())
                .addValue("assignee", s.assigneeId())
                .addValue("team", s.teamId())
                .addValue("labels", String.join(" ", s.labels()))
                .addValue("intent", s.intent())
                .addValue("sentiment", s.sentiment());
    }

    private static Set<String> labels(String stored) {
        return stored == null || stored.isBlank() ? Set.of()
                : new TreeSet<>(Arrays.asList(stored.strip().split(" ")));
    }

    private record Snapshot(long conversationId, String status, String priority, Long assigneeId, Long teamId,
            Set<String> labels, String intent, String sentiment) {

        List<String> differences(Snapshot now) {
            List<String> changed = new java.util.ArrayList<>();
            add(changed, "status", status, now.status);
            add(changed, "priority", priority, now.priority);
            add(changed, "assignee", assigneeId, now.assigneeId);
            add(changed, "team", teamId, now.teamId);
            add(changed, "labels", labels, now.labels);
            add(changed, "intent", intent, now.intent);
            add(changed, "sentiment", sentiment, now.sentiment);
            return changed;
        }

        private static void add(List<String> changed, String what, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changed.add(what);
            }
        }
    }
}
