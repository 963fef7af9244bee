package org.switchboard.benchmarks;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.springframework.aop.framework.Advised;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.customer.Sql;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxCursor;
import org.switchboard.portal.inbox.InboxQueries;

/**
 * The exact SQL text {@link InboxQueries} runs for a list (built by the portal's package-private {@code InboxSql},
 * reached by reflection so the baseline can never drift from the code under test), run on a plain JDBC connection.
 */
final class InboxRawSql {

    /** One statement with named parameters, as the portal hands it to {@code NamedParameterJdbcTemplate}. */
    record Statement(String named, MapSqlParameterSource params) {

        /** With {@code ?} placeholders (a collection parameter expands to one per element). */
        String jdbc() {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
            return NamedParameterUtils.substituteNamedParameters(parsed, params);
        }

        List<Object> values() {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
            List<Object> values = new ArrayList<>();
            for (Object value : NamedParameterUtils.buildValueArray(parsed, params, null)) {
                if (value instanceof Iterable<?> many) {
                    many.forEach(values::add);
                } else {
                    values.add(value);
                }
            }
            return values;
        }

        /** Placeholders and values worked out once, so a timed loop only prepares, binds and runs. */
        Bound bound() {
            return new Bound(jdbc(), values().toArray());
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            return bound().prepare(c);
        }

        /** The SQL with its values in place, for the report (not for execution). */
        String printable() {
            String sql = jdbc();
            StringBuilder out = new StringBuilder();
            int from = 0;
            for (Object value : values()) {
                int at = sql.indexOf('?', from);
                out.append(sql, from, at).append(value instanceof Number ? value.toString() : "'" + value + "'");
                from = at + 1;
            }
            return out.append(sql.substring(from)).toString();
        }
    }

    /** A statement ready for JDBC. */
    record Bound(String sql, Object[] values) {

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s;
        }
    }

    /** An id and the sort key the page query returns with it. */
    record Row(long id, Instant key) {
    }

    private final Object queries;
    private final Method sql;
    private final Method page;
    private final Method count;
    private final Method idsAmong;
    private final java.lang.reflect.Field params;

    private InboxRawSql(Object queries) throws ReflectiveOperationException {
        this.queries = queries;
        this.sql = InboxQueries.class.getDeclaredMethod("sql", InboxCriteria.class, AgentView.class);
        this.sql.setAccessible(true);
        Class<?> inboxSql = sql.getReturnType();
        this.page = inboxSql.getDeclaredMethod("page", InboxCursor.class, int.class);
        this.count = inboxSql.getDeclaredMethod("count");
        this.idsAmong = inboxSql.getDeclaredMethod("idsAmong");
        this.params = inboxSql.getDeclaredField("params");
        for (var member : List.of(page, count, idsAmong)) {
            member.setAccessible(true);
        }
        params.setAccessible(true);
    }

    /** From the portal's bean (a transactional proxy: its own fields are empty, so the target is used). */
    static InboxRawSql of(InboxQueries bean) {
        try {
            Object target = bean instanceof Advised advised ? advised.getTargetSource().getTarget() : bean;
            return new InboxRawSql(target);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the portal's inbox SQL (InboxQueries#sql, InboxSql): "
                    + "was it renamed? Adjust InboxRawSql", e);
        }
    }

    /** The page query: {@code size + 1} rows after the cursor (the extra one tells whether more follow). */
    Statement page(InboxCriteria criteria, AgentView viewer, InboxCursor after, int size) {
        return build(criteria, viewer, s -> (String) page.invoke(s, after, size));
    }

    Statement count(InboxCriteria criteria, AgentView viewer) {
        return build(criteria, viewer, s -> (String) count.invoke(s));
    }

    Statement idsAmong(InboxCriteria criteria, AgentView viewer, List<Long> ids) {
        Statement statement = build(criteria, viewer, s -> (String) idsAmong.invoke(s));
        statement.params().addValue("among", ids);
        return statement;
    }

    /** The rows from {@code offset} (0-based) on, in the page query's order, by LIMIT/OFFSET instead of keyset. */
    Statement window(InboxCriteria criteria, AgentView viewer, long offset, int rows) {
        Statement first = page(criteria, viewer, null, rows);
        String named = first.named();
        if (!named.endsWith(" limit :limit")) {
            throw new IllegalStateException("the page query no longer ends with its limit: " + named);
        }
        // A page merged from one query per status caps each of them at :branchLimit: widen it to the window's end.
        first.params().addValue("limit", rows).addValue("offset", offset).addValue("branchLimit", offset + rows);
        return new Statement(named + " offset :offset", first.params());
    }

    static List<Row> rows(DataSource db, Statement statement) {
        try (Connection c = db.getConnection()) {
            return rows(c, statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement.printable(), e);
        }
    }

    static List<Row> rows(Connection c, Statement statement) throws SQLException {
        return rows(c, statement.bound());
    }

    static List<Row> rows(Connection c, Bound statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = statement.prepare(c); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong("id"), Sql.instant(rs, "sort_key")));
            }
        }
        return rows;
    }

    static List<Long> ids(Connection c, Statement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = statement.prepare(c); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static long single(Connection c, Bound statement) throws SQLException {
        try (PreparedStatement s = statement.prepare(c); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** MariaDB's plan for the statement, one line per table access. */
    static List<String> explain(DataSource db, Statement statement) {
        Bound bound = statement.bound();
        return explain(db, bound.sql(), List.of(bound.values()));
    }

    /** MariaDB's plan for a plain JDBC statement with its values. */
    static List<String> explain(DataSource db, String query, List<?> values) {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("explain " + query)) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                StringJoiner header = new StringJoiner(" | ");
                for (int i = 1; i <= columns; i++) {
                    header.add(rs.getMetaData().getColumnLabel(i));
                }
                lines.add(header.toString());
                while (rs.next()) {
                    StringJoiner line = new StringJoiner(" | ");
                    for (int i = 1; i <= columns; i++) {
                        line.add(String.valueOf(rs.getObject(i)));
                    }
                    lines.add(line.toString());
                }
            }
        } catch (SQLException e) {
            lines.add("EXPLAIN failed: " + e.getMessage());
        }
        return lines;
    }

    private interface Text {
        String of(Object inboxSql) throws ReflectiveOperationException;
    }

    private Statement build(InboxCriteria criteria, AgentView viewer, Text text) {
        try {
            Object inboxSql = sql.invoke(queries, criteria, viewer);
            String named = text.of(inboxSql);
            return new Statement(named, (MapSqlParameterSource) params.get(inboxSql));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the portal's inbox SQL", e);
        }
    }
}
