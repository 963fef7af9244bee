package org.switchboard.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.portal.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.switchboard.portal.TestData;
import org.switchboard.portal.testplugins.HangingPlugin;
import org.switchboard.portal.testplugins.TestPlugins;

/** One incompatible, broken or misbehaving plugin is reported and never keeps the others from running. */
class PluginIsolationTest {

    private static Path good;
    private static Path newerApi;
    private static Path failing;
    private static Path orphan;
    private static Path absent;
    private static Path needsNewerGood;
    private static Path cycleA;
    private static Path cycleB;

    private final HostedPlugins plugins = new HostedPlugins();
    private final HangingPlugin hanging = TestPlugins.hangingOnStart("test-hanging", "test-hanging");

    @BeforeAll
    static void buildPlugins() {
        Path library = TestData.newDirectory().root();
        good = TestPlugins.channel("test-good", "test-good").writeTo(library);
        newerApi = TestPlugins.requiringApi2("test-newer-api", "test-newer-api").writeTo(library);
        failing = TestPlugins.failingOnStart("test-failing", "test-failing", "the licence key is missing")
                .writeTo(library);
        orphan = TestPlugins.needing("test-orphan", "test-orphan", "test-absent").writeTo(library);
        absent = TestPlugins.channel("test-absent", "test-absent").writeTo(library);
        needsNewerGood = TestPlugins.channel("test-needs-newer", "test-needs-newer")
                .dependencies("test-good@>=2.0.0").writeTo(library);
        cycleA = TestPlugins.channel("test-cycle-a", "test-cycle-a").dependencies("test-cycle-b").writeTo(library);
        cycleB = TestPlugins.channel("test-cycle-b", "test-cycle-b").dependencies("test-cycle-a").writeTo(library);
    }

    @AfterEach
    void tearDown() {
        hanging.cleanUp();
        plugins.close();
    }

    @Test
    void a_plugin_for_a_newer_plugin_api_is_not_started_and_says_which_versions_do_not_match() {
        PluginHost host = plugins.with(good, newerApi).startHost();

        PluginStatus refused = host.status("test-newer-api").orElseThrow();
        assertThat(refused.running()).isFalse();
        assertThat(refused.state()).isEqualTo("DISABLED");
        assertThat(refused.requires()).isEqualTo(">=2.0.0");
        assertThat(refused.problem())
                .isEqualTo("needs plugin-api >=2.0.0; this portal provides " + PluginApi.VERSION);
        assertThat(host.connector("test-newer-api")).isEmpty();
        assertThat(host.status("test-good").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-good")).isPresent();
    }

    @Test
    void a_plugin_whose_start_throws_is_failed_with_its_message_and_the_others_start() {
        PluginHost host = plugins.with(failing, good).startHost();

        PluginStatus failed = host.status("test-failing").orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.problem()).isEqualTo("start failed: the licence key is missing");
        assertThat(host.connector("test-failing")).isEmpty();
        assertThat(host.status("test-good").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-good")).isPresent();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_plugin_whose_start_hangs_is_failed_after_the_timeout_and_the_others_start() {
        hanging.writeTo(plugins.directory());
        PluginHost host = plugins.with(good).startHost();

        PluginStatus failed = host.status("test-hanging").orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.problem()).isEqualTo("start failed: start() did not return within 2 s");
        assertThat(host.connector("test-hanging")).isEmpty();
        assertThat(host.status("test-good").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-good")).isPresent();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_plugin_whose_start_returns_after_the_timeout_is_stopped_again_and_stays_failed() {
        hanging.writeTo(plugins.directory());
        PluginHost host = plugins.startHost();

        hanging.release();

        Await.until("the late plugin is stopped", hanging::wasStopped);
        // Stopping it passes through STOPPED before the host marks it failed again: wait for the final state.
        Await.until("the late plugin is marked failed",
                () -> host.status("test-hanging").orElseThrow().problem() != null);
        PluginStatus failed = host.status("test-hanging").orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.problem()).isEqualTo("start failed: start() did not return within 2 s");
        assertThat(host.connector("test-hanging")).isEmpty();
    }

    @Test
    void a_plugin_missing_a_dependency_is_reported_and_the_others_load_and_start() {
        PluginHost host = plugins.with(orphan, good).startHost();

        PluginStatus orphaned = host.status("test-orphan").orElseThrow();
        assertThat(orphaned.state()).isEqualTo("FAILED");
        assertThat(orphaned.problem()).contains("needs plugin test-absent, which is not installed");
        assertThat(orphaned.file()).isEqualTo(orphan.getFileName().toString());
        assertThat(host.connector("test-orphan")).isEmpty();
        assertThat(host.status("test-good").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-good")).isPresent();
    }

    @Test
    void a_plugin_missing_a_dependency_runs_once_the_dependency_and_then_it_are_installed() throws Exception {
        PluginHost host = plugins.with(orphan).startHost();

        host.install(absent);
        host.install(orphan);

        assertThat(host.statuses()).filteredOn(s -> s.id().equals("test-orphan")).singleElement()
                .satisfies(s -> assertThat(s.running()).isTrue());
        assertThat(host.connector("test-orphan")).isPresent();
        assertThat(host.connector("test-absent")).isPresent();
    }

    @Test
    void a_plugin_needing_another_version_of_a_plugin_is_reported_and_the_others_start() {
        PluginHost host = plugins.with(needsNewerGood, good).startHost();

        PluginStatus refused = host.status("test-needs-newer").orElseThrow();
        assertThat(refused.state()).isEqualTo("FAILED");
        assertThat(refused.problem()).isEqualTo("it needs plugin test-good version >=2.0.0, but 1.0.0 is installed");
        assertThat(host.connector("test-needs-newer")).isEmpty();
        assertThat(host.connector("test-good")).isPresent();
    }

    @Test
    void plugins_that_depend_on_each_other_are_reported_and_the_others_start() {
        PluginHost host = plugins.with(cycleA, cycleB, good).startHost();

        assertThat(host.status("test-cycle-a").orElseThrow().problem()).isEqualTo("it is part of a dependency cycle");
        assertThat(host.status("test-cycle-b").orElseThrow().problem()).isEqualTo("it is part of a dependency cycle");
        assertThat(host.status("test-good").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-good")).isPresent();
    }

    @Test
    void a_corrupt_jar_is_reported_and_the_others_start() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Files.createDirectories(plugins.directory());
        Files.write(plugins.directory().resolve("x.jar"), noise);

        PluginHost host = plugins.with(good).startHost();

        PluginStatus corrupt = host.statuses().stream().filter(s -> s.file().equals("x.jar")).findFirst()
                .orElseThrow();
        assertThat(corrupt.state()).isEqualTo("FAILED");
        assertThat(corrupt.problem()).startsWith("cannot be loaded");
        assertThat(host.status("test-good").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-good")).isPresent();
    }
}
