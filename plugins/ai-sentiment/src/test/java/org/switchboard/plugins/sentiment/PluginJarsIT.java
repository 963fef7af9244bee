package org.switchboard.plugins.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * The three packaged JARs in one PF4J manager, as in the portal: {@code ai-djl-runtime}, {@code ai-intent} and
 * {@code ai-sentiment}. Both model plugins use the one copy of DJL and libtorch in the runtime plugin; loading the
 * natives a second time in this JVM would fail, so both answering shows they share it. Neither DJL nor the plugins'
 * classes are on this test's class path.
 */
class PluginJarsIT {

    private static JarPluginManager manager;
    private static final Map<String, TestPluginContext> contexts = new HashMap<>();

    @BeforeAll
    static void loadAndStart() throws IOException {
        Path pluginsRoot = Files.createTempDirectory("pf4j-ai-plugins");
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.plugins")))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, pluginsRoot.resolve(jar.getFileName()));
            }
        }
        Path sentimentJar = Path.of(System.getProperty("sentiment.plugin.jar"));
        Files.copy(sentimentJar, pluginsRoot.resolve(sentimentJar.getFileName()));
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
        for (String id : List.of("ai-sentiment", "ai-intent", "ai-djl-runtime")) {
            if (manager.getPlugin(id) != null && manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
                manager.stopPlugin(id);
            }
        }
        contexts.values().forEach(TestPluginContext::close);
    }

    @Test
    void the_runtime_starts_first_and_both_model_plugins_start_on_it() throws Exception {
        assertThat(manager.getStartedPlugins()).extracting(PluginWrapper::getPluginId)
                .containsExactlyInAnyOrder("ai-djl-runtime", "ai-intent", "ai-sentiment");
        assertThat(manager.getStartedPlugins().getFirst().getPluginId()).isEqualTo("ai-djl-runtime");
        ClassLoader runtime = manager.getPluginClassLoader("ai-djl-runtime");
        for (String id : List.of("ai-intent", "ai-sentiment")) {
            assertThat(manager.getPluginClassLoader(id).loadClass("ai.djl.ndarray.NDManager").getClassLoader())
                    .as(id).isSameAs(runtime);
        }
    }

    @Test
    void both_classifiers_answer_concurrently_on_host_threads() throws Exception {
        MessageClassifier intent = manager.getExtensions(MessageClassifier.class, "ai-intent").getFirst();
        MessageClassifier sentiment = manager.getExtensions(MessageClassifier.class, "ai-sentiment").getFirst();
        assertThat(sentiment.id()).isEqualTo("sentiment");
        String billing = "Why was my credit card charged twice for order 4411? Please send a corrected invoice.";
        String angry = "This is ridiculous, nobody answers my emails and I am really angry";
        ExecutorService host = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Classification>> calls = List.of(() -> intent.classify(billing, null),
                    () -> sentiment.classify(angry, null), () -> intent.classify(billing, null),
                    () -> sentiment.classify(angry, null));
            List<Future<Classification>> results = host.invokeAll(calls);

            assertThat(results.get(0).get().label()).isEqualTo("billing");
            assertThat(results.get(1).get().label()).isEqualTo("negative");
            assertThat(results.get(1).get().model().id()).isEqualTo("sentiment-mlp");
            assertThat(results.get(2).get()).isEqualTo(results.get(0).get());
            assertThat(results.get(3).get()).isEqualTo(results.get(1).get());
        } finally {
            host.shutdownNow();
        }
    }
}
