package org.switchboard.portal.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DependencyResolver;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginDependency;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * A PF4J manager that never lets one bad plugin stop the others.
 *
 * <p>Stock PF4J throws from {@code loadPlugins()} when any plugin misses a dependency, and then starts none. Here a
 * plugin whose dependencies are missing, of the wrong version or cyclic is dropped with its reason recorded, and
 * resolution is retried for the rest. JARs that cannot be read at all are recorded the same way. Plugins whose main
 * class extends {@link SwitchboardPlugin} are constructed with their {@link PluginContext}.
 */
class SwitchboardPluginManager extends JarPluginManager {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardPluginManager.class);

    /** Plugins (by id, or by file name when unreadable) that could not be loaded, with the reason. */
    private final Map<String, LoadFailure> loadFailures = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Function<PluginWrapper, PluginContext> contexts;
    private final Function<Path, String> vetting;
    /** Set while the super constructor runs (no initializer, or it would be reset afterwards). */
    private PluginStatusProvider statusProvider;

    record LoadFailure(String id, Path path, String version, String reason) {
    }

    /**
     * @param vetting says why a JAR found in the directory at start must not be loaded (e.g. an unsigned JAR when
     *                signatures are required), or {@code null}
     */
    SwitchboardPluginManager(Path pluginsRoot, Function<PluginWrapper, PluginContext> contexts,
            Function<Path, String> vetting) {
        super(pluginsRoot);
        this.contexts = contexts;
        this.vetting = vetting;
        setSystemVersion(PluginApi.VERSION);
        setExactVersionAllowed(false);
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        statusProvider = super.createPluginStatusProvider();
        return statusProvider;
    }

    /** Remembers (in {@code disabled.txt}) that the plugin must not start until an admin enables it. */
    void markDisabled(String pluginId) {
        statusProvider.disablePlugin(pluginId);
    }

    /** Forgets that the plugin was disabled (it is enabled or gone). */
    void clearDisabled(String pluginId) {
        statusProvider.enablePlugin(pluginId);
    }

    /**
     * Starts a plugin, but never one that is disabled or needs a disabled plugin: stock PF4J quietly enables a
     * disabled plugin (and a dependent's disabled dependencies) when asked to start it, which would undo an admin's
     * decision.
     */
    @Override
    public PluginState startPlugin(String pluginId) {
        PluginWrapper wrapper = getPlugin(pluginId);
        if (wrapper != null) {
            if (wrapper.getPluginState() == PluginState.DISABLED) {
                return PluginState.DISABLED;
            }
            String disabled = disabledDependency(wrapper);
            if (disabled != null) {
                log.warn("Plugin {} is not started: it needs plugin {}, which is disabled", pluginId, disabled);
                return wrapper.getPluginState();
            }
        }
        return super.startPlugin(pluginId);
    }

    /** A required dependency (direct or further down) that is disabled, or {@code null}. */
    String disabledDependency(PluginWrapper wrapper) {
        for (PluginDependency dependency : wrapper.getDescriptor().getDependencies()) {
            PluginWrapper needed = getPlugin(dependency.getPluginId());
            if (needed == null || dependency.isOptional()) {
                continue;
            }
            if (needed.getPluginState() == PluginState.DISABLED) {
                return needed.getPluginId();
            }
            String further = disabledDependency(needed);
            if (further != null) {
                return further;
            }
        }
        return null;
    }

    /** The loaded plugins that need the given one, directly. */
    List<String> dependentsOf(String pluginId) {
        List<String> dependents = new ArrayList<>();
        for (PluginWrapper wrapper : getPlugins()) {
            for (PluginDependency dependency : wrapper.getDescriptor().getDependencies()) {
                if (dependency.getPluginId().equals(pluginId)) {
                    dependents.add(wrapper.getPluginId());
                    break;
                }
            }
        }
        return dependents;
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            protected Plugin createInstance(Class<?> pluginClass, PluginWrapper wrapper) {
                if (SwitchboardPlugin.class.isAssignableFrom(pluginClass)) {
                    try {
                        return (Plugin) pluginClass.getConstructor(PluginContext.class)
                                .newInstance(contexts.apply(wrapper));
                    } catch (ReflectiveOperationException e) {
                        throw new PluginRuntimeException(e, "Plugin class {} needs a public constructor taking a"
                                + " PluginContext", pluginClass.getName());
                    }
                }
                return super.createInstance(pluginClass, wrapper);
            }
        };
    }

    /** Loads every JAR in the plugins directory, each on its own, then resolves what can be resolved. */
    void loadAll() {
        for (Path path : pluginRepository.getPluginPaths()) {
            String refusal = vetting.apply(path);
            if (refusal != null) {
                String id = PluginJarFiles.pluginIdOf(path);
                id = id == null ? path.getFileName().toString() : id;
                log.error("Plugin {} is not loaded: {}", path, refusal);
                loadFailures.put(id, new LoadFailure(id, path, "", refusal));
                continue;
            }
            try {
                loadPluginFromPath(path);
            } catch (RuntimeException e) {
                String id = path.getFileName().toString();
                log.error("Cannot load plugin {}: {}", path, e.getMessage());
                loadFailures.put(id, new LoadFailure(id, path, "", "cannot be loaded: " + rootMessage(e)));
            }
        }
        resolvePlugins();
    }

    /** Loads one newly added JAR; an earlier failure of the same plugin is forgotten (resolving may record anew). */
    String loadOne(Path path) {
        String id = loadPluginFromPath(path).getPluginId();
        loadFailures.remove(id);
        resolvePlugins();
        return id;
    }

    @Override
    protected void resolvePlugins() {
        while (true) {
            try {
                super.resolvePlugins();
                return;
            } catch (DependencyResolver.DependenciesNotFoundException e) {
                dropPluginsNeeding(e.getDependencies(), "needs plugin %s, which is not installed");
            } catch (DependencyResolver.DependenciesWrongVersionException e) {
                for (DependencyResolver.WrongDependencyVersion wrong : e.getDependencies()) {
                    drop(wrong.getDependentId(), "needs plugin %s version %s, but %s is installed".formatted(
                            wrong.getDependencyId(), wrong.getRequiredVersion(), wrong.getExistingVersion()));
                }
            } catch (DependencyResolver.CyclicDependencyException e) {
                dropPluginsInCycles();
            }
        }
    }

    /** Drops the unresolved plugins on a cycle; the others are unresolved too at this point, but innocent. */
    private void dropPluginsInCycles() {
        Set<String> inCycles = pluginsInCycles();
        List<PluginWrapper> culprits = unresolvedPlugins.stream()
                .filter(wrapper -> inCycles.contains(wrapper.getPluginId())).toList();
        if (culprits.isEmpty()) {
            culprits = List.copyOf(unresolvedPlugins);
        }
        if (culprits.isEmpty()) {
            throw new PluginRuntimeException("Unresolvable dependency cycle among {}", inCycles);
        }
        culprits.forEach(wrapper -> drop(wrapper.getPluginId(), "is part of a dependency cycle"));
    }

    /** The plugins that depend, directly or through others, on themselves. */
    private Set<String> pluginsInCycles() {
        Map<String, List<String>> needs = new HashMap<>();
        plugins.forEach((id, wrapper) -> needs.put(id, wrapper.getDescriptor().getDependencies().stream()
                .map(PluginDependency::getPluginId).toList()));
        Set<String> inCycles = new HashSet<>();
        for (String id : needs.keySet()) {
            if (reaches(id, id, needs, new HashSet<>())) {
                inCycles.add(id);
            }
        }
        return inCycles;
    }

    private static boolean reaches(String from, String target, Map<String, List<String>> needs, Set<String> seen) {
        for (String next : needs.getOrDefault(from, List.of())) {
            if (next.equals(target) || seen.add(next) && reaches(next, target, needs, seen)) {
                return true;
            }
        }
        return false;
    }

    private void dropPluginsNeeding(List<String> missing, String reasonFormat) {
        boolean dropped = false;
        for (PluginWrapper wrapper : List.copyOf(unresolvedPlugins)) {
            for (PluginDependency dependency : wrapper.getDescriptor().getDependencies()) {
                if (!dependency.isOptional() && missing.contains(dependency.getPluginId())) {
                    drop(wrapper.getPluginId(), reasonFormat.formatted(dependency.getPluginId()));
                    dropped = true;
                    break;
                }
            }
        }
        if (!dropped) {
            throw new PluginRuntimeException("Unresolvable plugin dependencies: {}", missing);
        }
    }

    /** Removes a plugin that cannot be resolved, keeping why, so the others can still start. */
    private void drop(String pluginId, String reason) {
        PluginWrapper wrapper = plugins.get(pluginId);
        if (wrapper == null) {
            return;
        }
        log.error("Plugin {} is not loaded: it {}", pluginId, reason);
        loadFailures.put(pluginId, new LoadFailure(pluginId, wrapper.getPluginPath(),
                wrapper.getDescriptor().getVersion(), "it " + reason));
        plugins.remove(pluginId);
        unresolvedPlugins.remove(wrapper);
        resolvedPlugins.remove(wrapper);
        ClassLoader loader = pluginClassLoaders.remove(pluginId);
        if (loader instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Closing class loader of {} failed", pluginId, e);
            }
        }
    }

    Map<String, LoadFailure> loadFailures() {
        synchronized (loadFailures) {
            return Map.copyOf(loadFailures);
        }
    }

    void forgetFailure(String idOrFile) {
        loadFailures.remove(idOrFile);
    }

    /** Whether the plugin's {@code Plugin-Requires} admits this API version. */
    boolean isCompatible(PluginWrapper wrapper) {
        String requires = wrapper.getDescriptor().getRequires();
        return requires == null || requires.isBlank() || "*".equals(requires.strip())
                || getVersionManager().checkVersionConstraint(getSystemVersion(), requires);
    }

    List<PluginWrapper> pluginsInOrder() {
        return new ArrayList<>(resolvedPlugins.isEmpty() ? getPlugins() : resolvedPlugins);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
