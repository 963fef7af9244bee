package org.switchboard.portal.testplugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin JAR from Java source strings, the way PF4J's own tests do with {@code PluginJar}.
 *
 * <p>The sources are compiled against the test classpath (so they see the plugin API and PF4J, like a plugin built
 * against {@code plugin-api}), PF4J's annotation processor writes {@code META-INF/extensions.idx}, and the JAR gets
 * the manifest PF4J reads. The compiled classes exist only inside the JAR: the test's own class loader never sees
 * them, so a plugin's statics are not the test's statics.
 *
 * <pre>{@code
 * Path jar = TestPluginJar.plugin("acme-sms")
 *         .requires(">=2.0.0")
 *         .source("testplugin.acme.AcmeConnector", "package testplugin.acme; ...")
 *         .writeTo(pluginsDirectory);
 * }</pre>
 */
public final class TestPluginJar {

    /** The plugin-api range first-party plugins declare; admits the API this portal provides. */
    public static final String COMPATIBLE_REQUIRES = ">=0.1.0 & <1.0.0";

    private static final Path BUILD_ROOT = Path.of("target", "test-plugin-builds");

    private final String pluginId;
    private String version = "1.0.0";
    private String requires = COMPATIBLE_REQUIRES;
    private String pluginClass;
    private String dependencies;
    private String provider = "Switchboard tests";
    private final Map<String, String> sources = new LinkedHashMap<>();

    private TestPluginJar(String pluginId) {
        this.pluginId = pluginId;
    }

    /** A plugin with the given {@code Plugin-Id}, version 1.0.0, compatible with this portal, and no classes yet. */
    public static TestPluginJar plugin(String pluginId) {
        return new TestPluginJar(pluginId);
    }

    public TestPluginJar version(String version) {
        this.version = version;
        return this;
    }

    /** {@code Plugin-Requires}: the plugin-api versions this plugin accepts. */
    public TestPluginJar requires(String requires) {
        this.requires = requires;
        return this;
    }

    /** {@code Plugin-Class}; without one PF4J uses its plain {@code Plugin}. */
    public TestPluginJar pluginClass(String pluginClass) {
        this.pluginClass = pluginClass;
        return this;
    }

    /** {@code Plugin-Dependencies}, e.g. {@code "other-plugin@>=1.0.0"}. */
    public TestPluginJar dependencies(String dependencies) {
        this.dependencies = dependencies;
        return this;
    }

    public TestPluginJar provider(String provider) {
        this.provider = provider;
        return this;
    }

    /** Adds a class; {@code className} is its fully qualified name. */
    public TestPluginJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public String pluginId() {
        return pluginId;
    }

    /** Compiles the sources and writes {@code <pluginId>-<version>.jar} into the directory; returns the JAR. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path classes = BUILD_ROOT.resolve(pluginId + "-" + UUID.randomUUID());
            Files.createDirectories(classes);
            if (!sources.isEmpty()) {
                compile(classes);
            }
            Path jar = directory.resolve(pluginId + "-" + version + ".jar");
            writeJar(classes, jar);
            deleteRecursively(classes);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler: run the tests on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, code) -> units.add(new SourceString(className, code)));
        List<String> options = List.of(
                "--release", "21",
                "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(),
                // Named explicitly: since JDK 23 javac runs no processor found on the classpath by itself.
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                "-Xlint:-options");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null, units).call();
            if (!compiled) {
                StringBuilder report = new StringBuilder("Test plugin " + pluginId + " does not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    report.append(System.lineSeparator()).append(d);
                }
                throw new IllegalStateException(report.toString());
            }
        }
        boolean declaresExtensions = sources.values().stream().anyMatch(code -> code.contains("@Extension"));
        if (declaresExtensions && !Files.exists(classes.resolve("META-INF/extensions.idx"))) {
            throw new IllegalStateException("PF4J's annotation processor did not write META-INF/extensions.idx for "
                    + pluginId);
        }
    }

    private void writeJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", pluginId);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", provider);
        if (requires != null) {
            main.putValue("Plugin-Requires", requires);
        }
        if (pluginClass != null) {
            main.putValue("Plugin-Class", pluginClass);
        }
        if (dependencies != null) {
            main.putValue("Plugin-Dependencies", dependencies);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> entries = Files.walk(classes)) {
            for (Path path : entries.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One compilation unit held in memory. */
    private static final class SourceString extends SimpleJavaFileObject {

        private final String code;

        SourceString(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
