package com.example.switchboard.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * The packaged JAR as the portal sees it: PF4J reads the manifest, accepts {@code Plugin-Requires} for this plugin
 * API, starts the plugin class and finds the connector in the extension index. Fails when the annotation
 * processor did not run or a manifest key is wrong. Runs after {@code package} (failsafe), with the plugin's own
 * classes only inside the JAR.
 */
class PluginJarIT {

    @TempDir
    Path pluginsDirectory;

    private final TestPluginContext context = new TestPluginContext("example-channel");
    private JarPluginManager manager;

    @AfterEach
    void unload() {
        if (manager != null) {
            manager.getPlugins().forEach(p -> manager.unloadPlugin(p.getPluginId()));
        }
        context.close();
    }

    @Test
    void jar_loads_starts_and_offers_the_example_connector() throws Exception {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        Files.copy(jar, pluginsDirectory.resolve(jar.getFileName()));
        manager = new JarPluginManager(pluginsDirectory) {
            @Override
            protected PluginFactory createPluginFactory() {
                // As the portal does: a SwitchboardPlugin is created with its PluginContext.
                return new DefaultPluginFactory() {
                    @Override
                    protected Plugin createInstance(Class<?> pluginClass, PluginWrapper wrapper) {
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

        PluginWrapper plugin = manager.getPlugin("example-channel");
        assertThat(plugin).as("plugin example-channel loaded from " + jar.getFileName()).isNotNull();
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(plugin.getDescriptor().getProvider()).isEqualTo("Example Corp");
        assertThat(plugin.getDescriptor().getLicense()).isEqualTo("Apache-2.0");
        List<ChannelConnector> connectors = manager.getExtensions(ChannelConnector.class, "example-channel");
        assertThat(connectors).singleElement()
                .satisfies(connector -> assertThat(connector.descriptor().id()).isEqualTo("example"));
        manager.stopPlugin("example-channel");
    }
}
