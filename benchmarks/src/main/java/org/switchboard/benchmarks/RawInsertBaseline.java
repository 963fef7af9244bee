package org.switchboard.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The floor under the ingest figure: the same messages written with plain JDBC batches, one connection, into a
 * scratch table with the columns of {@code message} and only its primary key (no foreign keys, unique or secondary
 * indexes, no HTTP, no identity resolution, no threading, no full-text index). It uses the portal's own pool, so
 * the driver settings (bulk statements for inserts) are the portal's.
 */
final class RawInsertBaseline {

    static final String TABLE = "bench_message_raw";
    static final int BATCH_SIZE = 500;
    private static final int WARMUP_ROWS = 2_000;

    private final DataSource dataSource;

    RawInsertBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A message row as ingest stores it for a web-chat visitor. */
    record Row(String accountId, String visitorId, String authorName, String externalId, String text) {
    }

    /** The rows of a plan's distinct messages, with the visitor ids its sessions got. */
    static List<Row> rowsOf(TrafficPlan plan, List<VisitorSession> sessions, String accountId) {
        List<Row> rows = new ArrayList<>(plan.distinctMessages());
        for (List<Delivery> lane : plan.lanes()) {
            for (Delivery delivery : lane) {
                if (!delivery.redelivery()) {
                    String visitorId = sessions.get(delivery.visitor()).visitorId();
                    rows.add(new Row(accountId, visitorId, plan.visitors().get(delivery.visitor()).name(),
                            visitorId + ":" + delivery.messageId(), delivery.text()));
                }
            }
        }
        return rows;
    }

    /** Inserts the rows and returns the nanoseconds it took, commit included; the table is dropped afterwards. */
    long insert(List<Row> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + TABLE);
                // Same columns and types as message, so the comparison follows schema changes by itself.
                ddl.execute("CREATE TABLE " + TABLE + " ENGINE=InnoDB AS SELECT * FROM message WHERE 1 = 0");
                ddl.execute("ALTER TABLE " + TABLE + " ADD PRIMARY KEY (id)");
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insert(connection, rows.subList(0, Math.min(WARMUP_ROWS, rows.size())));
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("TRUNCATE TABLE " + TABLE);
                }
                long started = System.nanoTime();
                insert(connection, rows);
                return System.nanoTime() - started;
            } finally {
                connection.setAutoCommit(autoCommit);
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("DROP TABLE IF EXISTS " + TABLE);
                }
            }
        }
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        String sql = "INSERT INTO " + TABLE + " (id, conversation_id, channel_account_id, direction, author_agent_id,"
                + " author_name, identity_kind, identity_value, body_text, body_html, external_id, delivery_status,"
                + " failure_reason, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            long id = 1;
            int pending = 0;
            for (Row row : rows) {
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                insert.setLong(1, id);
                insert.setLong(2, 1 + id / 10);
                insert.setString(3, row.accountId());
                insert.setString(4, "IN");
                insert.setNull(5, Types.BIGINT);
                insert.setString(6, row.authorName());
                insert.setString(7, "webchat-visitor");
                insert.setString(8, row.visitorId());
                insert.setString(9, row.text());
                insert.setNull(10, Types.VARCHAR);
                insert.setString(11, row.externalId());
                insert.setNull(12, Types.VARCHAR);
                insert.setNull(13, Types.VARCHAR);
                insert.setObject(14, now);
                insert.setObject(15, now);
                insert.addBatch();
                id++;
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                connection.commit();
            }
        }
    }
}
