package org.switchboard.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiVersionTest {

    @Test
    void version_is_the_one_the_build_was_given() {
        // Surefire passes the POM's version; a stale or unfiltered properties file would differ.
        assertThat(PluginApi.VERSION).isEqualTo(System.getProperty("plugin-api.version.expected"))
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
