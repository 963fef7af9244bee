package org.switchboard.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;

/**
 * An index directory left by an older mapping (no version file; here a segment Lucene could not even read) is
 * emptied before Hibernate Search opens it: the portal starts, and the directory is marked current.
 */
@PortalTest
class OldIndexAtStartTest extends PortalTest.Base {

    static Path index;

    @DynamicPropertySource
    static void oldIndex(DynamicPropertyRegistry registry) throws Exception {
        index = TestData.newDirectory().root().resolve("index");
        Files.writeString(Files.createDirectories(index.resolve("Message")).resolve("segments_1"), "not lucene");
        registry.add("spring.jpa.properties.hibernate.search.backend.directory.root", index::toString);
    }

    @Test
    void the_portal_starts_on_an_emptied_index_marked_current() throws Exception {
        assertThat(Files.readString(index.resolve(IndexSchemaVersion.FILE)))
                .isEqualTo(String.valueOf(IndexSchemaVersion.CURRENT));
        Path segments = index.resolve("Message").resolve("segments_1");
        assertThat(!Files.exists(segments) || !new String(Files.readAllBytes(segments)).equals("not lucene"))
                .as("the old file is gone (Lucene may have written its own under that name)").isTrue();
    }
}
