package org.switchboard.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index directory is emptied only when it holds an index of another mapping version (or of none). */
class IndexSchemaVersionTest {

    @TempDir
    Path temp;

    @Test
    void a_new_directory_is_created_and_marked_current() throws Exception {
        Path root = temp.resolve("index");

        assertThat(IndexSchemaVersion.prepare(root)).isFalse();

        assertThat(Files.readString(root.resolve(IndexSchemaVersion.FILE)))
                .isEqualTo(String.valueOf(IndexSchemaVersion.CURRENT));
    }

    @Test
    void an_index_from_before_the_version_file_is_emptied() throws Exception {
        Path segment = Files.createDirectories(temp.resolve("Message")).resolve("_0.cfs");
        Files.writeString(segment, "old segment");

        assertThat(IndexSchemaVersion.prepare(temp)).isTrue();

        assertThat(Files.exists(segment.getParent())).isFalse();
        assertThat(Files.readString(temp.resolve(IndexSchemaVersion.FILE)))
                .isEqualTo(String.valueOf(IndexSchemaVersion.CURRENT));
    }

    @Test
    void an_index_of_the_current_version_is_left_alone() throws Exception {
        Path segment = Files.createDirectories(temp.resolve("Message")).resolve("_0.cfs");
        Files.writeString(segment, "current segment");
        Files.writeString(temp.resolve(IndexSchemaVersion.FILE), String.valueOf(IndexSchemaVersion.CURRENT));

        assertThat(IndexSchemaVersion.prepare(temp)).isFalse();

        assertThat(Files.readString(segment)).isEqualTo("current segment");
    }

    @Test
    void an_index_of_an_older_version_is_emptied() throws Exception {
        Path segment = Files.createDirectories(temp.resolve("Customer")).resolve("_3.si");
        Files.writeString(segment, "older segment");
        Files.writeString(temp.resolve(IndexSchemaVersion.FILE), "1");

        assertThat(IndexSchemaVersion.prepare(temp)).isTrue();

        assertThat(Files.exists(segment)).isFalse();
    }
}
