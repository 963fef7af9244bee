package org.switchboard.plugins.djl;

import ai.djl.engine.Engine;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * Loads DJL's PyTorch engine once for the whole portal.
 *
 * <p>libtorch can be loaded by one class loader per JVM only (a second copy fails with
 * {@code UnsatisfiedLinkError ... already loaded in another classloader}), so DJL, the engine and the natives live
 * in this plugin alone. Model plugins declare {@code Plugin-Dependencies: ai-djl-runtime} and compile against DJL
 * with {@code provided} scope: PF4J then resolves every {@code ai.djl.*} class they use through this plugin's class
 * loader, and the natives are bound to it.
 *
 * <p>{@link #start()} loads the engine eagerly, so a machine where libtorch cannot load shows this plugin (and the
 * model plugins depending on it) as failed, with the reason, instead of failing on the first message.
 */
public class DjlRuntimePlugin extends SwitchboardPlugin {

    /** DJL must never try to download an engine: the natives are inside this JAR. */
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** Where DJL extracts the natives from the JAR (about 500 MB); defaults to the plugin's data directory. */
    static final String ENGINE_CACHE_PROPERTY = "ENGINE_CACHE_DIR";
    static final String ENGINE = "PyTorch";
    /** libtorch's intra-op and inter-op thread counts (DJL reads them when the engine loads). */
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    static final String INTEROP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    public DjlRuntimePlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        // JVM-wide, but DJL exists once per JVM and this plugin owns it; an operator's own -D setting wins.
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (System.getProperty(ENGINE_CACHE_PROPERTY) == null && System.getenv(ENGINE_CACHE_PROPERTY) == null) {
            Path cache = context().dataDirectory().resolve("engine-cache");
            System.setProperty(ENGINE_CACHE_PROPERTY, cache.toAbsolutePath().toString());
        }
        // One thread per call: the models are small, and libtorch's OpenMP workers spin while waiting, which on a
        // busy 2-core machine made training the intent model 8x slower (48 s instead of 6 s, same weights).
        // Concurrency comes from the portal's threads instead. An operator's -D setting wins.
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, "1");
        }
        if (System.getProperty(INTEROP_THREADS_PROPERTY) == null) {
            System.setProperty(INTEROP_THREADS_PROPERTY, "1");
        }
        long started = System.nanoTime();
        Engine engine = loadEngine();
        context().logger().log(Level.INFO, "DJL {0} engine {1} loaded in {2} ms (natives in {3})",
                engine.getEngineName(),
                engine.getVersion(), (System.nanoTime() - started) / 1_000_000,
                System.getProperty(ENGINE_CACHE_PROPERTY, System.getenv(ENGINE_CACHE_PROPERTY)));
    }

    /**
     * DJL discovers engines with a {@link java.util.ServiceLoader} on the thread's context class loader and finds the
     * natives as resources through it; on a host thread that is the application's loader, which sees neither.
     */
    private static Engine loadEngine() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntimePlugin.class.getClassLoader());
        try {
            if (!Engine.hasEngine(ENGINE)) {
                throw new IllegalStateException("ai-djl-runtime cannot start: DJL finds no " + ENGINE
                        + " engine (engines found: " + Engine.getAllEngines() + ")");
            }
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof IllegalStateException && e.getMessage().startsWith("ai-djl-runtime")) {
                throw e;
            }
            throw new IllegalStateException("ai-djl-runtime cannot start: the " + ENGINE + " engine did not load ("
                    + rootMessage(e) + "); it needs Linux x86-64 with glibc", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
