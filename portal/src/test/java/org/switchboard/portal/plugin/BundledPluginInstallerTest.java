package org.switchboard.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.switchboard.portal.TestData;
import org.switchboard.portal.testplugins.TestPluginJar;

/**
 * The first-party plugins inside the portal JAR ({@code classpath:bundled-plugins/*.jar}) are installed into the
 * plugins directory without ever overwriting a plugin an admin put there. Each test gives the installer a classpath
 * of its own that holds only the bundle it wants.
 */
class BundledPluginInstallerTest {

    private final Path root = TestData.newDirectory().root();
    private final Path plugins = root.resolve("plugins");
    private final BundledPluginInstaller installer = new BundledPluginInstaller();

    @Test
    void a_bundled_plugin_is_copied_when_the_directory_has_none() throws Exception {
        Path bundled = bundle("v1", TestPluginJar.plugin("channel-acme").version("1.0.0"));

        installFrom(bundled);

        assertThat(jarsIn(plugins)).containsExactly("channel-acme-1.0.0.jar");
        assertThat(plugins.resolve("channel-acme-1.0.0.jar")).hasSameBinaryContentAs(
                bundled.resolve("bundled-plugins/channel-acme-1.0.0.jar"));
    }

    @Test
    void a_plugin_installed_from_an_earlier_bundle_is_replaced_when_the_bundle_changed() throws Exception {
        installFrom(bundle("v1", TestPluginJar.plugin("channel-acme").version("1.0.0")));
        Path upgraded = bundle("v2", TestPluginJar.plugin("channel-acme").version("1.1.0"));

        installFrom(upgraded);

        assertThat(jarsIn(plugins)).containsExactly("channel-acme-1.1.0.jar");
        assertThat(plugins.resolve("channel-acme-1.1.0.jar")).hasSameBinaryContentAs(
                upgraded.resolve("bundled-plugins/channel-acme-1.1.0.jar"));
    }

    @Test
    void an_unchanged_bundle_leaves_the_installed_plugin_as_it_is() throws Exception {
        Path bundled = bundle("v1", TestPluginJar.plugin("channel-acme").version("1.0.0"));
        installFrom(bundled);
        var installedAt = Files.getLastModifiedTime(plugins.resolve("channel-acme-1.0.0.jar"));

        installFrom(bundled);

        assertThat(jarsIn(plugins)).containsExactly("channel-acme-1.0.0.jar");
        assertThat(Files.getLastModifiedTime(plugins.resolve("channel-acme-1.0.0.jar"))).isEqualTo(installedAt);
    }

    @Test
    void a_jar_with_the_same_plugin_id_that_someone_else_put_there_is_left_alone() throws Exception {
        Path own = TestPluginJar.plugin("channel-acme").version("9.9.9").provider("An admin").writeTo(plugins);
        byte[] before = Files.readAllBytes(own);

        installFrom(bundle("v1", TestPluginJar.plugin("channel-acme").version("1.0.0")));

        assertThat(jarsIn(plugins)).containsExactly("channel-acme-9.9.9.jar");
        assertThat(own).hasBinaryContent(before);
    }

    @Test
    void a_bundled_plugin_an_admin_replaced_with_their_own_build_is_not_upgraded() throws Exception {
        installFrom(bundle("v1", TestPluginJar.plugin("channel-acme").version("1.0.0")));
        Path own = TestPluginJar.plugin("channel-acme").version("1.0.0").provider("An admin").writeTo(plugins);
        byte[] before = Files.readAllBytes(own);

        installFrom(bundle("v2", TestPluginJar.plugin("channel-acme").version("1.1.0")));

        assertThat(jarsIn(plugins)).containsExactly("channel-acme-1.0.0.jar");
        assertThat(own).hasBinaryContent(before);
    }

    /** A classpath root holding the given plugins under {@code bundled-plugins/}, as the portal JAR does. */
    private Path bundle(String name, TestPluginJar... jars) {
        Path classpathRoot = root.resolve("bundle-" + name);
        for (TestPluginJar jar : jars) {
            jar.writeTo(classpathRoot.resolve("bundled-plugins"));
        }
        return classpathRoot;
    }

    /** Runs the installer with only the given classpath root visible (it resolves through the context loader). */
    private void installFrom(Path classpathRoot) throws IOException {
        Files.createDirectories(plugins);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader classpath = new URLClassLoader(new URL[] {classpathRoot.toUri().toURL()}, null)) {
            thread.setContextClassLoader(classpath);
            installer.installInto(plugins);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> jarsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }
}
