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

/** Reads and writes {@code metric_rollup} rows (plain JDBC: one row is a key and its {@link Totals}). */
final class RollupTable {

    static final String KEY_COLUMNS = "grain, channel_account_id, team_id, agent_id, intent, period";
    static final String VALUE_COLUMNS = Stream.concat(
            Stream.of(Measure.values()).map(Measure::column),
            Stream.concat(Stream.of(DurationMeasure.values()).flatMap(d -> Stream.of(d.prefix() + "_count",
                    d.prefix() + "_sum", d.prefix() + "_hist")), Stream.of("created_by_hour")))
            .collect(Collectors.joining(", "));
    private static final int VALUE_COUNT = VALUE_COLUMNS.split(",").length;
    private static final String UPSERT = "insert into metric_rollup (" + KEY_COLUMNS + ", " + VALUE_COLUMNS
            + ") values (" + "?, ".repeat(6 + VALUE_COUNT - 1) + "?) on duplicate key update "
            + Stream.of(VALUE_COLUMNS.split(",")).map(String::strip).map(c -> c + " = values(" + c + ")")
                    .collect(Collectors.joining(", "));
    private static final String INSERT = "insert into metric_rollup (" + KEY_COLUMNS + ", " + VALUE_COLUMNS
            + ") values (" + "?, ".repeat(6 + VALUE_COUNT - 1) + "?)";
    private static final String DELETE = "delete from metric_rollup where grain = ? and channel_account_id = ?"
            + " and team_id = ? and agent_id = ? and intent = ? and period = ?";
    private static final int LOOKUP_BATCH = 100;

    private final JdbcTemplate jdbc;

    RollupTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored rows of these keys (missing keys have no row). */
    Map<RollupKey, Totals> load(Collection<RollupKey> keys) {
        Map<RollupKey, Totals> found = new HashMap<>();
        List<RollupKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
            List<RollupKey> batch = all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH));
            String where = batch.stream().map(k -> "(grain = ? and channel_account_id = ? and team_id = ?"
                    + " and agent_id = ? and intent = ? and period = ?)").collect(Collectors.joining(" or "));
            Object[] args = batch.stream().flatMap(k -> Stream.of(String.valueOf(k.grain()), k.channelAccountId(),
                    k.teamId(), k.agentId(), k.intent(), k.period())).toArray();
            jdbc.query("select " + KEY_COLUMNS + ", " + VALUE_COLUMNS + " from metric_rollup where " + where,
                    rs -> {
                        found.put(key(rs), totals(rs));
                    }, args);
        }
        return found;
    }

    /** Adds the deltas to the stored rows; rows that become all zero are deleted. */
    void apply(Map<RollupKey, Totals> deltas) {
        List<RollupKey> keys = deltas.entrySet().stream().filter(e -> !e.getValue().isZero()).map(Map.Entry::getKey)
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        Map<RollupKey, Totals> stored = load(keys);
        List<Map.Entry<RollupKey, Totals>> upserts = new ArrayList<>();
        List<RollupKey> deletes = new ArrayList<>();
        for (RollupKey key : keys) {
            Totals result = stored.getOrDefault(key, new Totals()).add(deltas.get(key), 1);
            if (result.isZero()) {
                deletes.add(key);
            } else {
                upserts.add(Map.entry(key, result));
            }
        }
        write(upserts);
        jdbc.batchUpdate(DELETE, deletes, 500, (ps, key) -> bindKey(ps, key));
    }

    /** Inserts or replaces rows. */
    void write(List<Map.Entry<RollupKey, Totals>> rows) {
        write(UPSERT, rows);
    }

    /** Inserts new rows (the rebuild, into an empty table: a plain insert is cheaper than an upsert). */
    void insert(List<Map.Entry<RollupKey, Totals>> rows) {
        write(INSERT, rows);
    }

    private void write(String sql, List<Map.Entry<RollupKey, Totals>> rows) {
        jdbc.batchUpdate(sql, rows, 1000, (ps, row) -> {
            bindKey(ps, row.getKey());
            bindValues(ps, 7, row.getValue());
        });
    }

    static void bindKey(PreparedStatement ps, RollupKey key) throws SQLException {
        ps.setString(1, String.valueOf(key.grain()));
        ps.setString(2, key.channelAccountId());
        ps.setLong(3, key.teamId());
        ps.setLong(4, key.agentId());
        ps.setString(5, key.intent());
        ps.setObject(6, key.period());
    }

    private static void bindValues(PreparedStatement ps, int first, Totals totals) throws SQLException {
        int i = first;
        for (long counter : totals.counters) {
            ps.setLong(i++, counter);
        }
        for (DurationMeasure d : DurationMeasure.values()) {
            ps.setLong(i++, totals.count(d));
            ps.setLong(i++, totals.sum(d));
            ps.setBytes(i++, totals.histogram(d).encode());
        }
        ps.setBytes(i, totals.createdByHour.encode());
    }

    /** The key of the current row, selected as {@link #KEY_COLUMNS} first (columns 1–6; by position: fast). */
    static RollupKey key(ResultSet rs) throws SQLException {
        return new RollupKey(rs.getString(1).charAt(0), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getString(5), rs.getObject(6, LocalDateTime.class));
    }

    /** The values of the current row, selected as {@link #KEY_COLUMNS}, then {@link #VALUE_COLUMNS}. */
    static Totals totals(ResultSet rs) throws SQLException {
        Totals totals = new Totals();
        int i = 7;
        for (int m = 0; m < Measure.COUNT; m++) {
            totals.counters[m] = rs.getLong(i++);
        }
        for (int d = 0; d < DurationMeasure.COUNT; d++) {
            totals.durationCounts[d] = rs.getLong(i++);
            totals.durationSums[d] = rs.getLong(i++);
            totals.histograms[d].add(DurationHistogram.decode(rs.getBytes(i++)), 1);
        }
        totals.createdByHour.add(DurationHistogram.decode(rs.getBytes(i)), 1);
        return totals;
    }
}
