package org.switchboard.portal.plugin;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelConnector;

/**
 * Hosts the PF4J plugins: installs the bundled ones, loads and starts every JAR in the plugins directory, isolates
 * the ones that are incompatible, broken or throw, and hands out their extensions.
 *
 * <p>Extensions are looked up from PF4J on every call and only from started plugins, so stopping a plugin removes
 * its connectors at once. Callers must not keep extension instances beyond one use (connections excepted: those are
 * closed through {@link PluginStopListener} before their plugin stops).
 */
@Service
public class PluginHost implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginProperties properties;
    private final Clock clock;
    private final HttpClient httpClient;
    private final SwitchboardPluginManager manager;
    private final Map<String, HostPluginContext> contexts = new ConcurrentHashMap<>();
    private final List<PluginStopListener> stopListeners = new CopyOnWriteArrayList<>();

    PluginHost(PluginProperties properties, Clock clock, BundledPluginInstaller bundled) throws IOException {
        this.properties = properties;
        this.clock = clock;
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Files.createDirectories(properties.directory());
        if (properties.installBundled()) {
            bundled.installInto(properties.directory());
        }
        this.manager = new SwitchboardPluginManager(properties.directory().toAbsolutePath(), this::contextFor);
        manager.loadAll();
        for (PluginWrapper wrapper : manager.pluginsInOrder()) {
            if (wrapper.getPluginState() == PluginState.RESOLVED) {
                start(wrapper.getPluginId());
            } else if (!manager.isCompatible(wrapper)) {
                log.error("Plugin {} is disabled: it requires plugin API {}, this portal provides {}",
                        wrapper.getPluginId(), wrapper.getDescriptor().getRequires(), PluginApi.VERSION);
            }
        }
        log.info("Plugins in {}: {}", properties.directory().toAbsolutePath(), statuses().stream()
                .map(s -> s.id() + "=" + s.state()).toList());
    }

    /** Registers a listener told before any plugin stops. */
    public void addStopListener(PluginStopListener listener) {
        stopListeners.add(listener);
    }

    /**
     * Starts a plugin; a start that throws or takes too long marks only this plugin failed. The host does not wait
     * longer than the start timeout, not even for a plugin deaf to interrupts; a start that returns after that is
     * stopped again and the plugin stays failed.
     */
    public PluginState start(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null) {
            throw new UnknownPluginException(pluginId);
        }
        StartAttempt attempt = new StartAttempt(wrapper);
        Thread thread = Thread.ofVirtual().name("plugin-start-" + pluginId).start(attempt);
        try {
            PluginState state = attempt.outcome.get(properties.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (state == PluginState.FAILED) {
                log.error("Plugin {} failed to start: {}", pluginId, describe(wrapper.getFailedException()));
            }
            return state;
        } catch (TimeoutException e) {
            if (!attempt.abandon()) {
                return attempt.outcome.join();
            }
            thread.interrupt();
            log.error("Plugin {} did not start within {}", pluginId, properties.startTimeout());
            return PluginState.FAILED;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return wrapper.getPluginState();
        }
    }

    /** One run of a plugin's {@code start()} on its own thread, which the host may stop waiting for. */
    private final class StartAttempt implements Runnable {

        private final PluginWrapper wrapper;
        private final CompletableFuture<PluginState> outcome = new CompletableFuture<>();
        private final IllegalStateException timedOut;
        private boolean abandoned;

        StartAttempt(PluginWrapper wrapper) {
            this.wrapper = wrapper;
            this.timedOut = new IllegalStateException("start() did not return within "
                    + properties.startTimeout().toSeconds() + " s");
        }

        @Override
        public void run() {
            PluginState state;
            Throwable failure = null;
            try {
                state = manager.startPlugin(wrapper.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                failure = e;
                state = PluginState.FAILED;
            }
            synchronized (this) {
                if (!abandoned) {
                    if (failure != null) {
                        markFailed(failure);
                    }
                    outcome.complete(state);
                    return;
                }
            }
            // The host reported a timeout and moved on: however start() ended, it must not come back to life.
            if (state == PluginState.STARTED) {
                log.warn("Plugin {} started after its timeout; stopping it again", wrapper.getPluginId());
                stop(wrapper.getPluginId());
            }
            markFailed(timedOut);
        }

        /** Gives up waiting; {@code false} when {@code start()} has just finished after all. */
        synchronized boolean abandon() {
            if (outcome.isDone()) {
                return false;
            }
            abandoned = true;
            markFailed(timedOut);
            return true;
        }

        private void markFailed(Throwable failure) {
            wrapper.setFailedException(failure);
            wrapper.setPluginState(PluginState.FAILED);
        }
    }

    /** Stops a plugin after its users let go of its extensions. */
    public PluginState stop(String pluginId) {
        if (manager.getPlugin(pluginId) == null) {
            throw new UnknownPluginException(pluginId);
        }
        for (PluginStopListener listener : stopListeners) {
            try {
                listener.pluginStopping(pluginId);
            } catch (RuntimeException e) {
                log.warn("Stop listener failed for plugin {}", pluginId, e);
            }
        }
        PluginState state;
        try {
            state = manager.stopPlugin(pluginId);
        } catch (RuntimeException e) {
            log.error("Plugin {} threw while stopping", pluginId, e);
            state = manager.getPlugin(pluginId).getPluginState();
        }
        HostPluginContext context = contexts.get(pluginId);
        if (context != null) {
            context.cancelTasks();
        }
        return state;
    }

    /** Stops and unloads a plugin; its JAR stays in the directory unless {@code delete}. */
    public void unload(String pluginId, boolean delete) {
        stop(pluginId);
        if (delete) {
            manager.deletePlugin(pluginId);
        } else {
            manager.unloadPlugin(pluginId);
        }
        HostPluginContext context = contexts.remove(pluginId);
        if (context != null) {
            context.close();
        }
    }

    /** Copies a plugin JAR into the plugins directory, loads it and starts it. Returns its id. */
    public String install(Path jar) throws IOException {
        Path target = properties.directory().resolve(jar.getFileName());
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        manager.forgetFailure(target.getFileName().toString());
        String id = manager.loadOne(target.toAbsolutePath());
        PluginWrapper wrapper = manager.getPlugin(id);
        if (wrapper != null && wrapper.getPluginState() == PluginState.RESOLVED) {
            start(id);
        }
        return id;
    }

    /** The extensions of a type contributed by started plugins, with their plugin; fresh on every call. */
    public <T> List<Contributed<T>> extensions(Class<T> type) {
        List<Contributed<T>> result = new ArrayList<>();
        // A copy: PF4J's own list changes under us when another thread starts or stops a plugin.
        for (PluginWrapper wrapper : new ArrayList<>(manager.getStartedPlugins())) {
            try {
                for (T extension : manager.getExtensions(type, wrapper.getPluginId())) {
                    result.add(new Contributed<>(wrapper.getPluginId(), extension));
                }
            } catch (RuntimeException | LinkageError e) {
                log.error("Plugin {} has a broken {} extension", wrapper.getPluginId(), type.getSimpleName(), e);
            }
        }
        return result;
    }

    /** The channel connector with the given id, if a started plugin contributes one. */
    public Optional<Contributed<ChannelConnector>> connector(String connectorId) {
        return extensions(ChannelConnector.class).stream()
                .filter(withId(connectorId))
                .findFirst();
    }

    private static Predicate<Contributed<ChannelConnector>> withId(String connectorId) {
        return c -> {
            try {
                return c.extension().descriptor().id().equals(connectorId);
            } catch (RuntimeException e) {
                return false;
            }
        };
    }

    /**
     * The context of a loaded plugin (for connection contexts), or {@code null} for an unknown id. Plugins without a
     * {@link org.switchboard.plugin.api.SwitchboardPlugin} main class get theirs here, on first use.
     */
    public PluginContext context(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        return wrapper == null ? null : contextFor(wrapper);
    }

    /** Every plugin the host knows, including the ones that could not be loaded. */
    public List<PluginStatus> statuses() {
        List<PluginStatus> result = new ArrayList<>();
        for (PluginWrapper wrapper : manager.getPlugins()) {
            var descriptor = wrapper.getDescriptor();
            String problem = null;
            if (wrapper.getPluginState() == PluginState.FAILED) {
                problem = "start failed: " + describe(wrapper.getFailedException());
            } else if (wrapper.getPluginState() == PluginState.DISABLED && !manager.isCompatible(wrapper)) {
                problem = "requires plugin API " + descriptor.getRequires() + ", this portal provides "
                        + PluginApi.VERSION;
            }
            List<String> extensions = manager.getExtensionClassNames(wrapper.getPluginId()).stream().sorted()
                    .toList();
            result.add(new PluginStatus(wrapper.getPluginId(), descriptor.getVersion(), descriptor.getProvider(),
                    descriptor.getLicense(), descriptor.getRequires(), wrapper.getPluginState().name(), problem,
                    extensions, wrapper.getPluginPath().getFileName().toString()));
        }
        manager.loadFailures().values().forEach(f -> result.add(new PluginStatus(f.id(), f.version(), "", "", "",
                "FAILED", f.reason(), List.of(), f.path().getFileName().toString())));
        return result;
    }

    /** A plugin's status by id. */
    public Optional<PluginStatus> status(String pluginId) {
        return statuses().stream().filter(s -> s.id().equals(pluginId)).findFirst();
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        return SwitchboardPluginManager.rootMessage(failure);
    }

    private HostPluginContext contextFor(PluginWrapper wrapper) {
        return contexts.computeIfAbsent(wrapper.getPluginId(), id -> {
            Path data = properties.dataDirectory().resolve(id);
            try {
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create data directory " + data, e);
            }
            return new HostPluginContext(id, wrapper.getDescriptor().getVersion(), System.getLogger("plugin." + id),
                    clock, httpClient, data);
        });
    }

    /** Stops plugins one at a time, newest dependency order reversed (PF4J's stopPlugins() trips over itself). */
    @Override
    public void destroy() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        for (PluginWrapper wrapper : started.reversed()) {
            try {
                stop(wrapper.getPluginId());
            } catch (RuntimeException e) {
                log.warn("Stopping plugin {} failed", wrapper.getPluginId(), e);
            }
        }
        contexts.values().forEach(HostPluginContext::close);
    }
}
