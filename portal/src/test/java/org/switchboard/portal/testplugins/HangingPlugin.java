package org.switchboard.portal.testplugins;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A channel plugin whose {@code start()} does not return: it waits, ignoring interrupts (like a blocking socket
 * call), until the test {@linkplain #release() releases} it, or a minute has passed.
 *
 * <p>The plugin runs in its own class loader, so it and the test meet through system properties, unique per
 * instance: one the test sets to release the plugin, one the plugin sets when its {@code stop()} is called.
 */
public final class HangingPlugin {

    private final TestPluginJar jar;
    private final String releaseKey;
    private final String stoppedKey;

    HangingPlugin(String pluginId, String connectorId) {
        String token = UUID.randomUUID().toString();
        this.releaseKey = "switchboard.test.release." + token;
        this.stoppedKey = "switchboard.test.stopped." + token;
        String pkg = TestPlugins.packageOf(pluginId);
        this.jar = TestPlugins.channelWithoutPluginClass(pluginId, connectorId)
                .pluginClass(pkg + ".HangingPlugin")
                .source(pkg + ".HangingPlugin", TestPlugins.fill(SOURCE, pkg, connectorId, "phone")
                        .replace("{{releaseKey}}", releaseKey).replace("{{stoppedKey}}", stoppedKey));
    }

    public String pluginId() {
        return jar.pluginId();
    }

    public Path writeTo(Path directory) {
        return jar.writeTo(directory);
    }

    /** Lets the blocked {@code start()} return. */
    public void release() {
        System.setProperty(releaseKey, "released");
    }

    /** Whether anyone called the plugin's {@code stop()}. */
    public boolean wasStopped() {
        return System.getProperty(stoppedKey) != null;
    }

    /** Releases the plugin if still blocked and forgets the system properties. */
    public void cleanUp() {
        release();
        System.clearProperty(stoppedKey);
    }

    private static final String SOURCE = """
            package {{package}};

            import org.switchboard.plugin.api.PluginContext;
            import org.switchboard.plugin.api.SwitchboardPlugin;

            public class HangingPlugin extends SwitchboardPlugin {

                public HangingPlugin(PluginContext context) {
                    super(context);
                }

                @Override
                public void start() {
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (System.getProperty("{{releaseKey}}") == null && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            // Deaf to interrupts, like a blocking socket read.
                        }
                    }
                }

                @Override
                public void stop() {
                    System.setProperty("{{stoppedKey}}", "stopped");
                }
            }
            """;
}
