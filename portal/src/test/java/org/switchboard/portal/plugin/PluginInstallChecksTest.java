package org.switchboard.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.portal.TestData;
import org.switchboard.portal.testplugins.PluginJarEdits;
import org.switchboard.portal.testplugins.PluginJarEdits.Publisher;
import org.switchboard.portal.testplugins.TestPlugins;

/**
 * What the host checks before a plugin JAR is installed, on real JARs: the plugin-api range, dependencies, and
 * signatures made with the JDK's keytool and jarsigner. A refused JAR leaves nothing in the plugins directory.
 */
class PluginInstallChecksTest {

    private static Path keys;
    private static Publisher trusted;
    private static Publisher stranger;

    private final Path root = TestData.newDirectory().root();
    private final Path uploads = root.resolve("uploads");
    private final List<PluginHost> hosts = new ArrayList<>();

    @BeforeAll
    static void publishers() {
        keys = TestData.newDirectory().root();
        trusted = Publisher.create(keys.resolve("trusted"), "acme");
        stranger = Publisher.create(keys.resolve("stranger"), "mallory");
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(PluginHost::destroy);
    }

    @Test
    void a_plugin_for_another_plugin_api_is_refused_with_what_it_needs_and_nothing_is_installed() {
        PluginHost host = host(SignatureMode.WARN);
        Path jar = TestPlugins.channel("future-channel", "future").requires(">=9.0.0").writeTo(uploads);

        assertThatThrownBy(() -> host.installDisabled(jar, jar.getFileName().toString()))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("needs plugin-api >=9.0.0; this portal provides " + PluginApi.VERSION);
        assertThat(jarsIn(directory())).isEmpty();
        assertThat(host.status("future-channel")).isEmpty();
    }

    @Test
    void a_plugin_missing_a_dependency_is_refused_naming_the_plugin_and_version_it_needs() {
        PluginHost host = host(SignatureMode.WARN);
        Path jar = TestPlugins.channel("orphan-channel", "orphan").dependencies("crm-core@1.2.0").writeTo(uploads);

        assertThatThrownBy(() -> host.installDisabled(jar, jar.getFileName().toString()))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("needs plugin 'crm-core' 1.2.0 which is not installed");
        assertThat(jarsIn(directory())).isEmpty();
    }

    @Test
    void a_new_plugin_is_installed_disabled_and_stays_disabled_after_a_restart_until_enabled() {
        PluginHost host = host(SignatureMode.WARN);
        Path jar = TestPlugins.channel("later-channel", "later").writeTo(uploads);

        host.installDisabled(jar, jar.getFileName().toString());

        assertThat(host.status("later-channel").orElseThrow().state()).isEqualTo("DISABLED");
        assertThat(host.connector("later")).isEmpty();
        assertThatThrownBy(() -> host.start("later-channel")).isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("enable it first");
        host.destroy();

        PluginHost restarted = host(SignatureMode.WARN);
        assertThat(restarted.status("later-channel").orElseThrow().state()).isEqualTo("DISABLED");
        assertThat(restarted.enable("later-channel")).isEqualTo(PluginState.STARTED);
        assertThat(restarted.connector("later")).isPresent();
        restarted.destroy();

        assertThat(host(SignatureMode.WARN).status("later-channel").orElseThrow().state()).isEqualTo("STARTED");
    }

    @Test
    void under_require_an_unsigned_plugin_is_refused_with_the_reason() {
        PluginHost host = host(SignatureMode.REQUIRE);
        Path jar = TestPlugins.channel("plain-channel", "plain").writeTo(uploads);

        assertThatThrownBy(() -> host.installDisabled(jar, jar.getFileName().toString()))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("signatures are required and this JAR is unsigned");
        assertThat(jarsIn(directory())).isEmpty();
    }

    @Test
    void under_require_a_plugin_signed_by_a_trusted_publisher_is_installed_and_shown_as_trusted() {
        PluginHost host = host(SignatureMode.REQUIRE);
        Path jar = trusted.sign(TestPlugins.channel("signed-channel", "signed").writeTo(uploads),
                uploads.resolve("signed-channel-signed.jar"));

        host.installDisabled(jar, jar.getFileName().toString());

        PluginStatus status = host.status("signed-channel").orElseThrow();
        assertThat(status.signature().status()).isEqualTo(SignatureCheck.Status.TRUSTED);
        assertThat(status.signature().signer()).contains("CN=acme");
        assertThat(status.sha256()).hasSize(64);
    }

    @Test
    void under_require_a_plugin_signed_by_an_untrusted_publisher_is_refused() {
        PluginHost host = host(SignatureMode.REQUIRE);
        Path jar = stranger.sign(TestPlugins.channel("strange-channel", "strange").writeTo(uploads),
                uploads.resolve("strange-channel-signed.jar"));

        assertThatThrownBy(() -> host.installDisabled(jar, jar.getFileName().toString()))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("signed by CN=mallory")
                .hasMessageContaining("which is not a trusted publisher");
        assertThat(jarsIn(directory())).isEmpty();
    }

    @Test
    void a_signed_jar_changed_after_signing_is_invalid() throws IOException {
        PluginHost host = host(SignatureMode.WARN);
        Path signed = trusted.sign(TestPlugins.channel("tampered-channel", "tampered").writeTo(uploads),
                uploads.resolve("tampered-signed.jar"));
        Path tampered = PluginJarEdits.withManifest(signed, java.util.Map.of("Plugin-Version", "6.6.6"),
                uploads.resolve("tampered-unsigned.jar"));
        // Same entries, but the signature files are gone: what remains is an unsigned JAR.
        assertThat(host.inspect(tampered, "t.jar").signature().status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
        assertThat(host.inspect(signed, "s.jar").signature().status()).isEqualTo(SignatureCheck.Status.TRUSTED);
    }

    @Test
    void under_warn_an_unsigned_plugin_installs_with_a_warning() {
        PluginHost host = host(SignatureMode.WARN);
        Path jar = TestPlugins.channel("warned-channel", "warned").writeTo(uploads);

        host.installDisabled(jar, jar.getFileName().toString());

        SignatureCheck signature = host.status("warned-channel").orElseThrow().signature();
        assertThat(signature.status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
        assertThat(signature.warning()).isTrue();
    }

    @Test
    void under_require_an_unsigned_jar_already_in_the_directory_is_not_loaded_at_start() {
        TestPlugins.channel("present-channel", "present").writeTo(directory());

        PluginHost host = host(SignatureMode.REQUIRE);

        PluginStatus status = host.status("present-channel").orElseThrow();
        assertThat(status.state()).isEqualTo("FAILED");
        assertThat(status.problem()).contains("signatures are required and this JAR is unsigned");
        assertThat(host.connector("present")).isEmpty();
    }

    @Test
    void a_file_that_is_not_a_jar_is_refused_with_a_clear_message() throws IOException {
        PluginHost host = host(SignatureMode.WARN);
        Files.createDirectories(uploads);
        Path text = Files.writeString(uploads.resolve("notes.jar"), "this is not a zip");

        assertThatThrownBy(() -> host.installDisabled(text, "notes.jar")).isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("notes.jar is not a JAR (ZIP) file");
    }

    private PluginHost host(SignatureMode mode) {
        try {
            Files.createDirectories(keys.resolve("trusted-only"));
            Files.copy(trusted.certificate(), keys.resolve("trusted-only").resolve("acme.pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            PluginHost host = new PluginHost(new PluginProperties(directory(), false, HostedPlugins.START_TIMEOUT,
                    root.resolve("plugin-data"), mode, keys.resolve("trusted-only"), null, null), Clock.systemUTC(),
                    new BundledPluginInstaller());
            hosts.add(host);
            return host;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path directory() {
        return root.resolve("plugins");
    }

    private static List<Path> jarsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".jar")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
