package org.switchboard.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the full-text index in step with the portal's mapping. The index directory carries the version of the
 * mapping it was written with (the file {@value #FILE}). Lucene refuses to mix one field's options within an index
 * (a field that stored term vectors must go on storing them), so when the mapping changed, or the index predates
 * this file, the directory is emptied before Hibernate Search opens it; {@link SearchIndexRecovery} then rebuilds
 * the index from the database in the background once the portal has started.
 */
final class IndexSchemaVersion {

    /** Raise whenever an indexed field's options change. 2: message and article text without term vectors. */
    static final int CURRENT = 2;
    static final String FILE = "schema-version";

    private static final Logger log = LoggerFactory.getLogger(IndexSchemaVersion.class);

    private IndexSchemaVersion() {
    }

    /**
     * Empties {@code root} unless it holds an index of the current version (or nothing), then marks it current.
     *
     * @return whether an outdated index was emptied
     */
    static boolean prepare(Path root) {
        try {
            Path marker = root.resolve(FILE);
            String found = Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : "1";
            boolean outdated = !found.equals(String.valueOf(CURRENT)) && hasIndex(root);
            if (outdated) {
                log.warn("The search index in {} was written by mapping version {}, this portal writes version {}:"
                        + " emptying it; it is rebuilt from the database in the background after start", root, found,
                        CURRENT);
                emptyDirectory(root);
            }
            Files.createDirectories(root);
            Files.writeString(marker, String.valueOf(CURRENT), StandardCharsets.UTF_8);
            return outdated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the search index directory " + root, e);
        }
    }

    private static boolean hasIndex(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.anyMatch(entry -> !entry.getFileName().toString().equals(FILE));
        }
    }

    private static void emptyDirectory(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).toList()) {
                Files.delete(path);
            }
        }
    }
}
