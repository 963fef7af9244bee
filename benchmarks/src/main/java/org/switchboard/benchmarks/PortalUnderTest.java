package org.switchboard.benchmarks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.portal.SwitchboardApplication;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.Message;

/**
 * The whole portal, started in this JVM as a user would run it (embedded MariaDB, bundled plugins, demo web-chat
 * account) on a fresh data directory and a free port. Closing it closes the application context, which stops
 * MariaDB.
 */
final class PortalUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final long startupMillis;

    private PortalUnderTest(ConfigurableApplicationContext context, long startupMillis) {
        this.context = context;
        this.startupMillis = startupMillis;
    }

    static PortalUnderTest start(Path dataDirectory) {
        long started = System.nanoTime();
        SpringApplication application = new SpringApplication(SwitchboardApplication.class);
        // Command-line arguments: they outrank the portal's application.properties (default properties would not).
        ConfigurableApplicationContext context = application.run(
                "--switchboard.data-directory=" + dataDirectory,
                "--switchboard.plugins.directory=" + dataDirectory.resolve("plugins"),
                "--server.port=0",
                "--switchboard.demo.enabled=true",
                // Ingestion is measured, not the assistant: AI runs beside ingestion on its own worker.
                "--switchboard.ai.enabled=" + System.getProperty("ai", "false"),
                "--switchboard.bootstrap.admin-password=" + UUID.randomUUID(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // The agent UI is not exercised here; its start-up warnings would only bury the figures.
                "--logging.level.com.vaadin=ERROR");
        return new PortalUnderTest(context, (System.nanoTime() - started) / 1_000_000);
    }

    long startupMillis() {
        return startupMillis;
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The demo web-chat account the portal creates on first start. */
    String webchatAccountId() {
        List<ChannelAccountView> accounts = context.getBean(ChannelAccounts.class).listByConnector("webchat");
        if (accounts.isEmpty()) {
            throw new IllegalStateException("the portal created no web-chat account: is the web-chat plugin "
                    + "bundled (plugins/channel-webchat built) and did it start? See the log above");
        }
        return accounts.getFirst().id();
    }

    /** A bean of the running portal, to call its services directly. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    long count(String table) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Messages the full-text index holds, as a search sees them. */
    long indexedMessages() {
        try (EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager()) {
            return Search.session(entityManager).search(Message.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
