package org.switchboard.portal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.plugin.api.PluginApi;

/**
 * Changes to the set of installed plugins, one at a time: install (disabled), take up a dropped JAR, upgrade with
 * rollback, enable, disable, uninstall. The {@link PluginHost} runs plugins; this class decides which JARs it runs.
 */
final class PluginInstallations {

    private static final Logger log = LoggerFactory.getLogger(PluginInstallations.class);

    private final PluginHost host;
    private final SwitchboardPluginManager manager;
    private final PluginProperties properties;
    private final BundledPluginInstaller bundled;
    /** Serialises changes of the installed set. */
    private final Object changes = new Object();

    PluginInstallations(PluginHost host, SwitchboardPluginManager manager, PluginProperties properties,
            BundledPluginInstaller bundled) {
        this.host = host;
        this.manager = manager;
        this.properties = properties;
        this.bundled = bundled;
    }

    /**
     * Installs a new plugin from a JAR outside the plugins directory (an upload), disabled: loaded, shown, but not
     * started until an admin enables it. The JAR is moved into the plugins directory only once it passed every
     * check, so a refused upload leaves nothing behind.
     *
     * @throws PluginRefusedException with the reason, when it is not a plugin, incompatible, misses a dependency,
     *                                is not signed as required, or a plugin with its id is installed already
     */
    PluginCandidate installDisabled(Path staged, String fileName) {
        synchronized (changes) {
            PluginCandidate candidate = host.inspect(staged, fileName);
            if (candidate.upgrade()) {
                throw new PluginRefusedException("Plugin " + candidate.id() + " " + candidate.installedVersion()
                        + " is already installed; install " + candidate.version() + " as an upgrade");
            }
            candidate.requireAcceptable();
            Path target = PluginJarFiles.freeName(properties.directory().toAbsolutePath(), candidate.id(),
                    candidate.version());
            try {
                PluginJarFiles.move(staged, target);
            } catch (IOException e) {
                throw new PluginRefusedException("Cannot write " + target + ": " + e.getMessage(), e);
            }
            try {
                loadDisabled(candidate.id(), target);
            } catch (PluginRefusedException refused) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException e) {
                    log.error("Cannot remove refused plugin {}", target, e);
                }
                throw refused;
            }
            return candidate;
        }
    }

    /**
     * Takes up a JAR someone dropped into the plugins directory while the portal runs: checked like an upload and,
     * when acceptable, loaded disabled. A refused JAR is moved to {@code rejected/} below the plugins directory (with
     * a {@code .reason.txt} beside it), so it is not looked at again and is not loaded at the next start.
     */
    Optional<PluginCandidate> adoptDropped(Path jar) {
        synchronized (changes) {
            if (isKnown(jar) || !Files.exists(jar)) {
                return Optional.empty();
            }
            String fileName = jar.getFileName().toString();
            try {
                PluginCandidate candidate = host.inspect(jar, fileName);
                if (candidate.upgrade()) {
                    throw new PluginRefusedException("Plugin " + candidate.id() + " " + candidate.installedVersion()
                            + " is already installed; upgrade it by uploading " + fileName + " on the plugins page");
                }
                candidate.requireAcceptable();
                loadDisabled(candidate.id(), jar.toAbsolutePath());
                return Optional.of(candidate);
            } catch (PluginRefusedException refused) {
                reject(jar, refused.getMessage());
                throw refused;
            }
        }
    }

    /** Whether a JAR in the plugins directory is one the host knows (loaded, or failed to load). */
    boolean isKnown(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        return manager.getPlugins().stream()
                .anyMatch(w -> w.getPluginPath().toAbsolutePath().normalize().equals(absolute))
                || manager.loadFailures().values().stream()
                .anyMatch(f -> f.path().toAbsolutePath().normalize().equals(absolute));
    }

    private void loadDisabled(String pluginId, Path jar) {
        manager.markDisabled(pluginId);
        manager.forgetFailure(pluginId);
        String failure;
        try {
            manager.loadOne(jar);
            var dropped = manager.loadFailures().get(pluginId);
            failure = manager.getPlugin(pluginId) != null ? null : dropped == null ? "unknown error" : dropped.reason();
        } catch (RuntimeException e) {
            failure = SwitchboardPluginManager.rootMessage(e);
        }
        if (failure != null) {
            manager.forgetFailure(pluginId);
            manager.clearDisabled(pluginId);
            if (manager.getPlugin(pluginId) != null) {
                manager.unloadPlugin(pluginId);
            }
            throw new PluginRefusedException("Plugin " + pluginId + " cannot be loaded: " + failure);
        }
        log.info("Installed plugin {} from {} (disabled until an admin enables it)", pluginId, jar);
    }

    private void reject(Path jar, String reason) {
        try {
            Path rejected = PluginJarFiles.freeName(properties.directory().resolve("rejected"),
                    jar.getFileName().toString().replaceFirst("\\.jar$", ""), "rejected");
            PluginJarFiles.move(jar, rejected);
            Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".reason.txt"), reason + "\n");
            log.warn("Moved refused plugin {} to {}: {}", jar, rejected, reason);
        } catch (IOException e) {
            log.error("Cannot move refused plugin {} out of the plugins directory", jar, e);
        }
    }

    /**
     * Replaces an installed plugin with another version of it (an upgrade; an older or the same version only when
     * {@code allowNotNewer}). Its open connections close before the old version stops (the stop listeners), the new
     * version is loaded from the staged JAR, and it starts when the old one was enabled; plugins that depend on it
     * are reloaded with it. When the new version cannot be loaded, the old one is put back as it was.
     *
     * @return what was installed
     * @throws PluginRefusedException with the reason; the installed version is then unchanged
     */
    PluginCandidate upgrade(String pluginId, Path staged, String fileName, boolean allowNotNewer) {
        synchronized (changes) {
            PluginWrapper old = manager.getPlugin(pluginId);
            if (old == null) {
                throw new PluginRefusedException("Plugin " + pluginId + " is not installed");
            }
            PluginCandidate candidate = host.inspect(staged, fileName);
            if (!candidate.id().equals(pluginId)) {
                throw new PluginRefusedException(fileName + " is plugin " + candidate.id() + ", not " + pluginId);
            }
            candidate.requireAcceptable();
            if (candidate.notNewer() && !allowNotNewer) {
                throw new PluginRefusedException("Plugin " + pluginId + " " + candidate.version() + " is "
                        + (candidate.comparison() == 0 ? "the version already installed" : "older than the installed "
                        + candidate.installedVersion()) + "; confirm to install it anyway");
            }
            boolean enabled = old.getPluginState() != PluginState.DISABLED;
            Path oldJar = old.getPluginPath().toAbsolutePath();
            List<Reload> dependents = dependentsToReload(pluginId);
            host.stop(pluginId);
            manager.unloadPlugin(pluginId);
            host.closeContext(pluginId);
            dependents.forEach(d -> host.closeContext(d.id()));
            Path backup = properties.directory().resolve(".previous").resolve(oldJar.getFileName());
            Path target = null;
            try {
                PluginJarFiles.move(oldJar, backup);
                target = PluginJarFiles.freeName(properties.directory().toAbsolutePath(), pluginId,
                        candidate.version());
                PluginJarFiles.move(staged, target);
                manager.forgetFailure(pluginId);
                manager.loadOne(target);
                if (manager.getPlugin(pluginId) == null) {
                    var dropped = manager.loadFailures().get(pluginId);
                    throw new PluginRefusedException("Plugin " + pluginId + " " + candidate.version()
                            + " cannot be loaded: " + (dropped == null ? "unknown error" : dropped.reason()));
                }
                Files.deleteIfExists(backup);
            } catch (IOException | RuntimeException e) {
                restore(pluginId, oldJar, backup, target, enabled, dependents);
                throw e instanceof PluginRefusedException refused ? refused : new PluginRefusedException(
                        "Plugin " + pluginId + " " + candidate.version() + " cannot be installed: "
                        + SwitchboardPluginManager.rootMessage(e) + "; " + candidate.installedVersion()
                        + " stays installed", e);
            }
            reload(dependents);
            if (enabled) {
                host.start(pluginId);
                dependents.stream().filter(Reload::started).forEach(d -> host.start(d.id()));
            }
            log.info("Upgraded plugin {} from {} to {}", pluginId, candidate.installedVersion(), candidate.version());
            return candidate;
        }
    }

    private record Reload(String id, Path jar, boolean started) {
    }

    private List<Reload> dependentsToReload(String pluginId) {
        List<Reload> result = new ArrayList<>();
        for (String dependent : manager.dependentsOf(pluginId)) {
            PluginWrapper wrapper = manager.getPlugin(dependent);
            result.add(new Reload(dependent, wrapper.getPluginPath(), wrapper.getPluginState() == PluginState.STARTED));
            result.addAll(dependentsToReload(dependent));
        }
        return result;
    }

    private void reload(List<Reload> dependents) {
        for (Reload dependent : dependents) {
            if (manager.getPlugin(dependent.id()) == null) {
                try {
                    manager.loadOne(dependent.jar());
                } catch (RuntimeException e) {
                    log.error("Cannot reload plugin {} after its dependency changed", dependent.id(), e);
                }
            }
        }
    }

    private void restore(String pluginId, Path oldJar, Path backup, Path target, boolean enabled,
            List<Reload> dependents) {
        try {
            if (manager.getPlugin(pluginId) != null) {
                manager.unloadPlugin(pluginId);
            }
            if (target != null) {
                Files.deleteIfExists(target);
            }
            if (Files.exists(backup)) {
                PluginJarFiles.move(backup, oldJar);
            }
            manager.forgetFailure(pluginId);
            manager.loadOne(oldJar);
            reload(dependents);
            if (enabled) {
                host.start(pluginId);
                dependents.stream().filter(Reload::started).forEach(d -> host.start(d.id()));
            }
        } catch (IOException | RuntimeException e) {
            log.error("Cannot put plugin {} back after a failed upgrade", pluginId, e);
        }
    }

    /**
     * Enables a disabled plugin (remembered across restarts) and starts it; starts an enabled one that is stopped.
     *
     * @return its state afterwards (FAILED when its start failed)
     */
    PluginState enable(String pluginId) {
        synchronized (changes) {
            PluginWrapper wrapper = known(pluginId);
            if (!manager.isCompatible(wrapper)) {
                throw new PluginRefusedException("Plugin " + pluginId + " needs plugin-api "
                        + wrapper.getDescriptor().getRequires() + "; this portal provides " + PluginApi.VERSION);
            }
            String disabledDependency = manager.disabledDependency(wrapper);
            if (disabledDependency != null) {
                throw new PluginRefusedException("Plugin " + pluginId + " needs plugin " + disabledDependency
                        + ", which is disabled; enable that first");
            }
            if (wrapper.getPluginState() == PluginState.DISABLED && !manager.enablePlugin(pluginId)) {
                throw new PluginRefusedException("Plugin " + pluginId + " cannot be enabled");
            }
            return host.start(pluginId);
        }
    }

    /** Stops a plugin and keeps it from starting again, also after a restart, until an admin enables it. */
    void disable(String pluginId) {
        synchronized (changes) {
            known(pluginId);
            host.stop(pluginId);
            manager.disablePlugin(pluginId);
        }
    }

    /**
     * Stops and unloads a plugin and deletes its JAR. A first-party plugin stays uninstalled after a restart.
     *
     * @throws PluginRefusedException when installed plugins depend on it
     */
    void uninstall(String pluginId) {
        synchronized (changes) {
            PluginWrapper wrapper = manager.getPlugin(pluginId);
            Path jar;
            if (wrapper == null) {
                var failure = manager.loadFailures().get(pluginId);
                if (failure == null) {
                    throw new UnknownPluginException(pluginId);
                }
                jar = failure.path();
                manager.forgetFailure(pluginId);
            } else {
                List<String> dependents = manager.dependentsOf(pluginId);
                if (!dependents.isEmpty()) {
                    throw new PluginRefusedException("Plugins " + dependents + " depend on " + pluginId
                            + "; uninstall them first");
                }
                jar = wrapper.getPluginPath();
                host.stop(pluginId);
                manager.unloadPlugin(pluginId);
                host.closeContext(pluginId);
            }
            try {
                Files.deleteIfExists(jar);
                bundled.uninstalled(properties.directory(), pluginId);
            } catch (IOException e) {
                throw new PluginRefusedException("Plugin " + pluginId + " is unloaded but its JAR " + jar
                        + " cannot be deleted: " + e.getMessage(), e);
            }
            manager.clearDisabled(pluginId);
            host.forgetContributions(pluginId);
            log.info("Uninstalled plugin {} ({})", pluginId, jar);
        }
    }

    private PluginWrapper known(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null) {
            throw new UnknownPluginException(pluginId);
        }
        return wrapper;
    }
}
