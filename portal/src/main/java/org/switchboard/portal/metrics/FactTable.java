package org.switchboard.portal.metrics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads and writes {@code metric_fact} rows: what each conversation contributed to the rollups. */
final class FactTable {

    static final String COLUMNS = "conversation_id, seq, period_hour, channel_account_id, team_id, agent_id, intent, "
            + Stream.concat(Stream.of(Measure.values()).map(Measure::column),
                    Stream.of(DurationMeasure.values()).map(d -> d.prefix() + "_seconds"))
                    .collect(Collectors.joining(", "));
    private static final String INSERT = "insert into metric_fact (" + COLUMNS + ") values ("
            + "?, ".repeat(COLUMNS.split(",").length - 1) + "?)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    FactTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The stored facts of these conversations, in their order. */
    Map<Long, List<Fact>> load(Collection<Long> conversationIds) {
        Map<Long, List<Fact>> found = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return found;
        }
        named.query("select " + COLUMNS + " from metric_fact where conversation_id in (:ids)"
                + " order by conversation_id, seq", Map.of("ids", conversationIds), rs -> {
                    found.computeIfAbsent(rs.getLong("conversation_id"), id -> new ArrayList<>()).add(fact(rs));
                });
        return found;
    }

    void delete(Collection<Long> conversationIds) {
        if (!conversationIds.isEmpty()) {
            named.update("delete from metric_fact where conversation_id in (:ids)", Map.of("ids", conversationIds));
        }
    }

    void insert(Map<Long, List<Fact>> facts) {
        List<Object[]> rows = new ArrayList<>();
        facts.forEach((conversationId, list) -> {
            for (int seq = 0; seq < list.size(); seq++) {
                rows.add(new Object[] {conversationId, seq, list.get(seq)});
            }
        });
        jdbc.batchUpdate(INSERT, rows, 500, FactTable::bind);
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        Fact fact = (Fact) row[2];
        int i = 1;
        ps.setLong(i++, (Long) row[0]);
        ps.setInt(i++, (Integer) row[1]);
        ps.setObject(i++, fact.key.hour());
        ps.setString(i++, fact.key.channelAccountId());
        ps.setLong(i++, fact.key.teamId());
        ps.setLong(i++, fact.key.agentId());
        ps.setString(i++, fact.key.intent());
        for (int counter : fact.counters) {
            ps.setInt(i++, counter);
        }
        for (Long seconds : fact.seconds) {
            ps.setObject(i++, seconds);
        }
    }

    /** The fact of the current row, selected as {@link #COLUMNS} (read by position: fast). */
    static Fact fact(ResultSet rs) throws SQLException {
        Fact fact = new Fact(new FactKey(rs.getObject(3, LocalDateTime.class), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getString(7)));
        int i = 8;
        for (int m = 0; m < Measure.COUNT; m++) {
            fact.counters[m] = rs.getInt(i++);
        }
        for (int d = 0; d < DurationMeasure.COUNT; d++) {
            long value = rs.getLong(i++);
            fact.seconds[d] = rs.wasNull() ? null : value;
        }
        return fact;
    }
}
