package org.switchboard.portal.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.switchboard.portal.customer.Sql;
import org.switchboard.portal.metrics.ConversationHistory.Event;
import org.switchboard.portal.metrics.ConversationHistory.SlaTargetRow;

/** Read-only SQL over the conversation tables and SLA targets: what the projector needs. */
final class HistoryReader {

    private final NamedParameterJdbcTemplate sql;

    HistoryReader(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    /** Each existing conversation's customer. */
    Map<Long, Long> customersOf(Collection<Long> conversationIds) {
        Map<Long, Long> found = new HashMap<>();
        if (!conversationIds.isEmpty()) {
            sql.query("select id, customer_id from conversation where id in (:ids)", Map.of("ids", conversationIds),
                    rs -> {
                        found.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return found;
    }

    /** Every conversation of these customers. */
    List<Long> conversationsOf(Set<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return sql.queryForList("select id from conversation where customer_id in (:ids)",
                Map.of("ids", customerIds), Long.class);
    }

    /** The histories of the existing conversations among these. */
    List<ConversationHistory> read(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ids = Map.of("ids", conversationIds);
        Map<Long, Long> customers = customersOf(conversationIds);
        Map<Long, List<Event>> events = new LinkedHashMap<>();
        sql.query("""
                select id, conversation_id, event_type, occurred_at, agent_id, channel_account_id, detail
                from conversation_event where conversation_id in (:ids) order by conversation_id, occurred_at, id""",
                ids, rs -> {
                    long agent = rs.getLong("agent_id");
                    Long agentId = rs.wasNull() ? null : agent;
                    events.computeIfAbsent(rs.getLong("conversation_id"), c -> new ArrayList<>())
                            .add(new Event(rs.getLong("id"), rs.getString("event_type"),
                                    Sql.instant(rs, "occurred_at"), agentId, rs.getString("channel_account_id"),
                                    rs.getString("detail")));
                });
        Map<Long, List<SlaTargetRow>> targets = new HashMap<>();
        sql.query("""
                select conversation_id, target, due_at, met_at, breached_at from conversation_sla
                where conversation_id in (:ids) order by conversation_id, started_at, id""", ids, rs -> {
                    targets.computeIfAbsent(rs.getLong("conversation_id"), c -> new ArrayList<>())
                            .add(new SlaTargetRow(rs.getString("target"), Sql.instant(rs, "due_at"),
                                    Sql.instant(rs, "met_at"), Sql.instant(rs, "breached_at")));
                });
        List<ConversationHistory> histories = new ArrayList<>();
        for (Long id : conversationIds) {
            Long customer = customers.get(id);
            if (customer != null) {
                histories.add(new ConversationHistory(id, customer, events.getOrDefault(id, List.of()),
                        targets.getOrDefault(id, List.of())));
            }
        }
        return histories;
    }

    /**
     * What each existing conversation's facts are computed from, in short: its customer, its event count and
     * latest event id (events are only ever appended), and its SLA targets' outcomes. Equal signature, equal facts
     * (as long as its customer's other conversations did not change, which their own signatures tell).
     */
    Map<Long, String> signatures(Collection<Long> conversationIds) {
        Map<Long, String> found = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return found;
        }
        Map<String, Object> ids = Map.of("ids", conversationIds);
        Map<Long, String> events = new HashMap<>();
        sql.query("select conversation_id, count(*), max(id) from conversation_event where conversation_id in (:ids)"
                + " group by conversation_id", ids, rs -> {
                    events.put(rs.getLong(1), rs.getLong(2) + ":" + rs.getLong(3));
                });
        Map<Long, String> sla = new HashMap<>();
        sql.query("select conversation_id, count(*), count(met_at), count(breached_at), max(met_at)"
                + " from conversation_sla where conversation_id in (:ids) group by conversation_id", ids, rs -> {
                    sla.put(rs.getLong(1), rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4) + ":"
                            + rs.getString(5));
                });
        customersOf(conversationIds).forEach((id, customer) -> found.put(id, "c" + customer + " e"
                + events.getOrDefault(id, "0") + " s" + sla.getOrDefault(id, "0")));
        return found;
    }
}
