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
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ReplyAssistant;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.portal.agent.RoleGuard;

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
    private final List<Consumer<String>> startListeners = new CopyOnWriteArrayList<>();
    private final PluginJarFacts jarFacts;
    private final PluginInstallations installations;
    private final PluginInspector inspector;
    /** The connectors and models each plugin contributed when last seen running, for when it is not. */
    private final Map<String, List<String>> lastConnectors = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lastModels = new ConcurrentHashMap<>();

    PluginHost(PluginProperties properties, Clock clock, BundledPluginInstaller bundled) throws IOException {
        this.properties = properties;
        this.clock = clock;
        this.jarFacts = new PluginJarFacts(properties, bundled);
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Files.createDirectories(properties.directory());
        if (properties.installBundled()) {
            bundled.installInto(properties.directory());
        }
        this.manager = new SwitchboardPluginManager(properties.directory().toAbsolutePath(), this::contextFor,
                this::refusalAtStart);
        this.inspector = new PluginInspector(manager);
        this.installations = new PluginInstallations(this, manager, properties, bundled);
        manager.loadAll();
        for (PluginWrapper wrapper : manager.pluginsInOrder()) {
            if (wrapper.getPluginState() == PluginState.RESOLVED) {
                start(wrapper.getPluginId());
            } else if (!manager.isCompatible(wrapper)) {
                log.error("Plugin {} is disabled: it needs plugin-api {}; this portal provides {}",
                        wrapper.getPluginId(), wrapper.getDescriptor().getRequires(), PluginApi.VERSION);
            }
        }
        log.info("Plugins in {}: {}", properties.directory().toAbsolutePath(), statuses().stream()
                .map(s -> s.id() + "=" + s.state()).toList());
    }

    /** Registers a listener told before any plugin stops (in {@link PluginStopListener#order()}). */
    public void addStopListener(PluginStopListener listener) {
        stopListeners.add(listener);
        stopListeners.sort(java.util.Comparator.comparingInt(PluginStopListener::order));
    }

    /** Registers a listener told after a plugin has started (e.g. to send what waited for it). */
    public void addStartListener(Consumer<String> listener) {
        startListeners.add(listener);
    }

    /**
     * Starts a plugin; a start that throws or takes too long marks only this plugin failed. The host does not wait
     * longer than the start timeout, not even for a plugin deaf to interrupts; a start that returns after that is
     * stopped again and the plugin stays failed.
     */
    public PluginState start(String pluginId) {
        // Every change below: an admin (through PluginAdministration, which also asks for the password) or the
        // portal itself (start-up, the directory watcher); never another signed-in user.
        RoleGuard.requireAdminOrSystem("start plugins");
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null) {
            throw new UnknownPluginException(pluginId);
        }
        if (wrapper.getPluginState() == PluginState.STARTED) {
            return PluginState.STARTED;
        }
        if (wrapper.getPluginState() == PluginState.DISABLED) {
            throw new PluginRefusedException("Plugin " + pluginId + " is disabled; enable it first");
        }
        StartAttempt attempt = new StartAttempt(wrapper);
        Thread thread = Thread.ofVirtual().name("plugin-start-" + pluginId).start(attempt);
        try {
            PluginState state = attempt.outcome.get(properties.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (state == PluginState.FAILED) {
                log.error("Plugin {} failed to start: {}", pluginId, describe(wrapper.getFailedException()));
            }
            if (state == PluginState.STARTED) {
                rememberContributions(pluginId);
                for (Consumer<String> listener : startListeners) {
                    try {
                        listener.accept(pluginId);
                    } catch (RuntimeException e) {
                        log.warn("Start listener failed for plugin {}", pluginId, e);
                    }
                }
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
        RoleGuard.requireAdminOrSystem("stop plugins");
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null) {
            throw new UnknownPluginException(pluginId);
        }
        if (wrapper.getPluginState() != PluginState.STARTED) {
            return wrapper.getPluginState();
        }
        // Dependents first, through the host, so their connections are closed as cleanly as this plugin's.
        for (String dependent : manager.dependentsOf(pluginId)) {
            stop(dependent);
        }
        try {
            return stopNow(pluginId);
        } finally {
            for (PluginStopListener listener : stopListeners) {
                try {
                    listener.pluginStopped(pluginId);
                } catch (RuntimeException e) {
                    log.warn("Stop listener failed after plugin {} stopped", pluginId, e);
                }
            }
        }
    }

    private PluginState stopNow(String pluginId) {
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
        RoleGuard.requireAdminOrSystem("unload plugins");
        stop(pluginId);
        if (delete) {
            manager.deletePlugin(pluginId);
        } else {
            manager.unloadPlugin(pluginId);
        }
        closeContext(pluginId);
    }

    /** Copies a plugin JAR into the plugins directory, loads it and starts it, unchecked. Returns its id. */
    public String install(Path jar) throws IOException {
        RoleGuard.requireAdminOrSystem("install plugins");
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

    /** How signatures are checked. */
    public SignatureMode signatureMode() {
        return properties.signature();
    }

    /** Looks at a JAR before installing it; changes nothing. */
    public PluginCandidate inspect(Path jar, String fileName) {
        return inspector.inspect(jar, fileName, signatureOf(jar), properties.signature());
    }

    /**
     * Installs a new plugin from a JAR outside the plugins directory (an upload), disabled: loaded and shown, but not
     * started until an admin enables it. A refused JAR leaves nothing in the plugins directory.
     *
     * @throws PluginRefusedException with the reason, when it is not a plugin, incompatible, misses a dependency,
     *                                is not signed as required, or a plugin with its id is installed already
     */
    public PluginCandidate installDisabled(Path staged, String fileName) {
        RoleGuard.requireAdminOrSystem("install plugins");
        return installations.installDisabled(staged, fileName);
    }

    /**
     * Takes up a JAR dropped into the plugins directory while running: checked like an upload and loaded disabled;
     * a refused one is moved to {@code rejected/} with its reason. Empty when the JAR is known already.
     */
    public Optional<PluginCandidate> adoptDropped(Path jar) {
        return installations.adoptDropped(jar);
    }

    /** Whether a JAR in the plugins directory is one the host knows (loaded, or failed to load). */
    public boolean isKnown(Path jar) {
        return installations.isKnown(jar);
    }

    /**
     * Replaces an installed plugin with another version of it (older or the same only when {@code allowNotNewer});
     * its connections close first, and it starts again when it was enabled. A version that cannot be loaded is
     * rolled back.
     *
     * @throws PluginRefusedException with the reason; the installed version is then unchanged
     */
    public PluginCandidate upgrade(String pluginId, Path staged, String fileName, boolean allowNotNewer) {
        RoleGuard.requireAdminOrSystem("upgrade plugins");
        return installations.upgrade(pluginId, staged, fileName, allowNotNewer);
    }

    /** Enables a disabled plugin (remembered across restarts) and starts it; returns its state afterwards. */
    public PluginState enable(String pluginId) {
        RoleGuard.requireAdminOrSystem("enable plugins");
        return installations.enable(pluginId);
    }

    /** Stops a plugin and keeps it from starting, also after a restart, until it is enabled. */
    public void disable(String pluginId) {
        RoleGuard.requireAdminOrSystem("disable plugins");
        installations.disable(pluginId);
    }

    /** Stops, unloads and deletes a plugin; refused while installed plugins depend on it. */
    public void uninstall(String pluginId) {
        RoleGuard.requireAdminOrSystem("uninstall plugins");
        installations.uninstall(pluginId);
    }
    private PluginWrapper known(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null) {
            throw new UnknownPluginException(pluginId);
        }
        return wrapper;
    }

    void closeContext(String pluginId) {
        HostPluginContext context = contexts.remove(pluginId);
        if (context != null) {
            context.close();
        }
    }

    /** Why a JAR found in the directory at start must not be loaded, or {@code null}. */
    private String refusalAtStart(Path jar) {
        if (properties.signature() != SignatureMode.REQUIRE) {
            return null;
        }
        SignatureCheck check = signatureOf(jar);
        return check.acceptableUnder(SignatureMode.REQUIRE) ? null
                : "refused: signatures are required and this JAR is " + check.summary();
    }

    /** The signature check of a JAR (cached while the file is unchanged). */
    SignatureCheck signatureOf(Path jar) {
        return jarFacts.signatureOf(jar);
    }

    void forgetContributions(String pluginId) {
        lastConnectors.remove(pluginId);
        lastModels.remove(pluginId);
    }
    private void rememberContributions(String pluginId) {
        List<String> connectors = new ArrayList<>();
        List<String> models = new ArrayList<>();
        try {
            manager.getExtensions(ChannelConnector.class, pluginId)
                    .forEach(c -> connectors.add(c.descriptor().id()));
            manager.getExtensions(MessageClassifier.class, pluginId)
                    .forEach(c -> models.add(c.id() + " (" + c.model().id() + " " + c.model().version() + ")"));
            manager.getExtensions(ReplyAssistant.class, pluginId)
                    .forEach(a -> models.add(a.id() + " (" + a.model().id() + " " + a.model().version() + ")"));
        } catch (RuntimeException | LinkageError e) {
            log.warn("Cannot list the contributions of plugin {}: {}", pluginId, e.toString());
        }
        lastConnectors.put(pluginId, List.copyOf(connectors));
        lastModels.put(pluginId, List.copyOf(models));
    }

    /** The connector ids a plugin contributes (as last seen running), empty when unknown. */
    public List<String> connectorsOf(String pluginId) {
        return lastConnectors.getOrDefault(pluginId, List.of());
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
            String id = wrapper.getPluginId();
            String problem = null;
            String stackTrace = null;
            if (wrapper.getPluginState() == PluginState.FAILED) {
                problem = "start failed: " + describe(wrapper.getFailedException());
                stackTrace = stackTrace(wrapper.getFailedException());
            } else if (wrapper.getPluginState() == PluginState.DISABLED && !manager.isCompatible(wrapper)) {
                problem = "needs plugin-api " + descriptor.getRequires() + "; this portal provides "
                        + PluginApi.VERSION;
            } else if (wrapper.getPluginState() == PluginState.DISABLED) {
                problem = "disabled: an admin must enable it";
            } else if (wrapper.getPluginState() != PluginState.STARTED && manager.disabledDependency(wrapper) != null) {
                problem = "needs plugin " + manager.disabledDependency(wrapper) + ", which is disabled";
            }
            List<String> extensions = manager.getExtensionClassNames(id).stream().sorted().toList();
            PluginJarFacts.Facts jar = jarFacts.of(wrapper.getPluginPath());
            String dependencies = descriptor.getDependencies().stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
            result.add(new PluginStatus(id, descriptor.getVersion(), nonNull(descriptor.getProvider()),
                    nonNull(descriptor.getLicense()), nonNull(descriptor.getRequires()),
                    wrapper.getPluginState().name(), problem, extensions,
                    wrapper.getPluginPath().getFileName().toString(), nonNull(descriptor.getPluginDescription()),
                    dependencies, stackTrace, jar.sha256(), jar.signature(), connectorsOf(id),
                    lastModels.getOrDefault(id, List.of()), true));
        }
        for (var f : manager.loadFailures().values()) {
            PluginJarFacts.Facts jar = Files.exists(f.path()) ? jarFacts.of(f.path())
                    : new PluginJarFacts.Facts("", "", SignatureCheck.of(SignatureCheck.Status.INVALID, "",
                    "file is gone"));
            result.add(new PluginStatus(f.id(), f.version(), "", "", "", "FAILED", f.reason(), List.of(),
                    f.path().getFileName().toString(), "", "", null, jar.sha256(), jar.signature(), List.of(),
                    List.of(), false));
        }
        return result;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String stackTrace(Throwable failure) {
        if (failure == null) {
            return null;
        }
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
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
