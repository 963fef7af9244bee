package org.switchboard.plugins.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.TrainingReport;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * The packaged JARs loaded by PF4J as the portal loads them: {@code ai-djl-runtime} (DJL, the PyTorch engine and
 * its natives) and {@code ai-intent} (which has no DJL inside and gets it through {@code Plugin-Dependencies}).
 *
 * <p>Neither DJL nor this plugin's classes are on this test's class path (see the failsafe configuration), and calls
 * come from a thread whose context class loader is the application's, as on the portal's threads. One plugin
 * manager for the whole class: libtorch loads once per JVM, so a second runtime plugin in this JVM could not load it
 * (that is the reason for the runtime plugin).
 *
 * <p>A third JAR is a copy of the intent plugin under another id with a corrupt model: it must fail alone.
 */
class PluginJarsIT {

    private static final String BROKEN_ID = "ai-intent-broken-copy";

    private static Path pluginsRoot;
    private static JarPluginManager manager;
    private static final Map<String, TestPluginContext> contexts = new HashMap<>();

    @BeforeAll
    static void loadAndStart() throws IOException {
        pluginsRoot = Files.createTempDirectory("pf4j-ai-plugins");
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.plugins")))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("ai-djl-runtime")).toList()) {
                Files.copy(jar, pluginsRoot.resolve(jar.getFileName()));
            }
        }
        Path intentJar = Path.of(System.getProperty("intent.plugin.jar"));
        Files.copy(intentJar, pluginsRoot.resolve(intentJar.getFileName()));
        brokenCopy(intentJar, pluginsRoot.resolve("ai-intent-broken.jar"));

        manager = new JarPluginManager(pluginsRoot) {
            @Override
            protected PluginFactory createPluginFactory() {
                return new DefaultPluginFactory() {
                    @Override
                    protected Plugin createInstance(Class<?> pluginClass, PluginWrapper wrapper) {
                        TestPluginContext context = contexts.computeIfAbsent(wrapper.getPluginId(),
                                TestPluginContext::new);
                        try {
                            return (Plugin) pluginClass.getConstructor(PluginContext.class).newInstance(context);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
            }
        };
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
    }

    @AfterAll
    static void stopAll() {
        // One by one: stopPlugins() throws ConcurrentModificationException in PF4J 3.15.
        for (String id : List.of(BROKEN_ID, "ai-intent", "ai-djl-runtime")) {
            if (manager.getPlugin(id) != null && manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
                manager.stopPlugin(id);
            }
        }
        contexts.values().forEach(TestPluginContext::close);
    }

    @Test
    void both_plugins_start_and_djl_classes_come_from_the_runtime_plugin_only() throws Exception {
        PluginWrapper runtime = manager.getPlugin("ai-djl-runtime");
        PluginWrapper intent = manager.getPlugin("ai-intent");
        assertThat(runtime.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(intent.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(intent.getDescriptor().getDependencies()).extracting(d -> d.getPluginId())
                .containsExactly("ai-djl-runtime");
        assertThat(intent.getDescriptor().getRequires()).isEqualTo(">=0.4.0 & <1.0.0");

        assertThatThrownBy(() -> PluginJarsIT.class.getClassLoader().loadClass("ai.djl.engine.Engine"))
                .as("DJL is not on the application class path").isInstanceOf(ClassNotFoundException.class);
        ClassLoader intentLoader = intent.getPluginClassLoader();
        assertThat(intentLoader.getResource("ai/djl/engine/Engine.class"))
                .as("found, but through the dependency").isNotNull();
        Class<?> engine = intentLoader.loadClass("ai.djl.engine.Engine");
        assertThat(engine.getClassLoader()).isSameAs(runtime.getPluginClassLoader());
        assertThat(intentLoader.loadClass("org.switchboard.plugins.intent.shaded.textclassifier.TextClassifierEngine")
                .getClassLoader()).isSameAs(intentLoader);
        assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("1");
    }

    @Test
    void the_intent_plugin_classifies_on_a_host_thread() throws Exception {
        List<MessageClassifier> classifiers = manager.getExtensions(MessageClassifier.class, "ai-intent");
        assertThat(classifiers).hasSize(1);
        MessageClassifier classifier = classifiers.getFirst();
        assertThat(classifier.getClass().getClassLoader()).isSameAs(manager.getPluginClassLoader("ai-intent"));
        assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(
                manager.getPluginClassLoader("ai-djl-runtime"));

        Classification result = classifier.classify("Hi, where is my parcel? The tracking has not moved in days",
                null);

        assertThat(result.label()).isEqualTo("order_status");
        assertThat(result.model().id()).isEqualTo("intent-mlp");
        assertThat(result.scores()).hasSize(8);
    }

    @Test
    void the_intent_plugin_trains_a_candidate_inside_pf4j() throws Exception {
        MessageClassifier classifier = manager.getExtensions(MessageClassifier.class, "ai-intent").getFirst();
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            examples.add(new LabelledText("where is my parcel number " + i + ", tracking is stuck", "order_status"));
            examples.add(new LabelledText("I want my money back for order " + i + ", refund please", "refund"));
        }

        TrainingReport report = classifier.train(examples, (fraction, stage) -> { });

        assertThat(report.candidate().id()).isEqualTo("intent-mlp");
        assertThat(report.heldOutCount()).isEqualTo(4);
        assertThat(Files.isDirectory(contexts.get("ai-intent").dataDirectory().resolve("models")
                .resolve(report.candidate().version()))).isTrue();
        assertThat(classifier.model().version()).startsWith("default-");
    }

    @Test
    void a_plugin_with_a_broken_model_fails_alone() {
        PluginWrapper broken = manager.getPlugin(BROKEN_ID);
        assertThat(broken.getPluginState()).isEqualTo(PluginState.FAILED);
        assertThat(broken.getFailedException()).hasMessageContaining("ai-intent cannot start")
                .hasMessageContaining("weights.params is unusable");
        assertThat(manager.getPlugin("ai-intent").getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(manager.getPlugin("ai-djl-runtime").getPluginState()).isEqualTo(PluginState.STARTED);
    }

    /** The intent JAR under another plugin id, with its shipped weights replaced by garbage. */
    private static void brokenCopy(Path source, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Plugin-Id"), BROKEN_ID);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (entry.getName().endsWith("model/weights.params")) {
                        out.write("garbage".getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

}
