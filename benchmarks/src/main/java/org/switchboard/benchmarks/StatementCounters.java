package org.switchboard.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * MariaDB's own count of the statements it ran ({@code SHOW GLOBAL STATUS}), so a run shows how many round trips
 * one delivery costs the database.
 */
final class StatementCounters {

    /** Shown in this order; {@code Questions} is every statement a client sent. */
    static final List<String> NAMES = List.of("Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
            "Com_rollback", "Questions");

    private final DataSource dataSource;

    StatementCounters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, Long> read() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                        + String.join("', '", NAMES) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        NAMES.forEach(name -> ordered.put(name, values.getOrDefault(name, 0L)));
        return ordered;
    }

    /** Statements per delivery between two readings, by counter name. */
    static Map<String, Double> perDelivery(Map<String, Long> before, Map<String, Long> after, int deliveries) {
        Map<String, Double> per = new LinkedHashMap<>();
        before.forEach((name, value) -> per.put(name, (after.get(name) - value) / (double) deliveries));
        return per;
    }
}
