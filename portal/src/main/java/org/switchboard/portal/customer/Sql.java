package org.switchboard.portal.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants for plain JDBC in the form Hibernate stores them ({@code hibernate.jdbc.time_zone=UTC}): DATETIME
 * columns hold UTC wall-clock time, whatever the JVM's time zone.
 */
public final class Sql {

    private Sql() {
    }

    /** A parameter for a DATETIME column. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A DATETIME column as an instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
