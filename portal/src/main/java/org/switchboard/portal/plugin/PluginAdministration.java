package org.switchboard.portal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pf4j.PluginState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.switchboard.portal.agent.RoleGuard;
import org.switchboard.portal.audit.AuditLog;

/**
 * What admins do with plugins at runtime: upload, install (disabled), enable with their password, disable, stop,
 * start, upgrade with their password, uninstall. Every method checks the caller's role on the server, and every
 * change and refusal goes to the audit log (ids, versions, hashes, states; never a secret).
 */
@Service
public class PluginAdministration {

    private static final Logger log = LoggerFactory.getLogger(PluginAdministration.class);

    /** Audit actions, stable strings (they are stored). */
    public static final String INSTALLED = "plugin.installed";
    public static final String ENABLED = "plugin.enabled";
    public static final String DISABLED = "plugin.disabled";
    public static final String STOPPED = "plugin.stopped";
    public static final String STARTED = "plugin.started";
    public static final String UPGRADED = "plugin.upgraded";
    public static final String UNINSTALLED = "plugin.uninstalled";
    public static final String REFUSED = "plugin.refused";

    private final PluginHost host;
    private final PluginProperties properties;
    private final AuditLog audit;
    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final Path staging;
    private final Map<String, Path> staged = new ConcurrentHashMap<>();

    PluginAdministration(PluginHost host, PluginProperties properties, AuditLog audit, UserDetailsService users,
            PasswordEncoder passwords) throws IOException {
        this.host = host;
        this.properties = properties;
        this.audit = audit;
        this.users = users;
        this.passwords = passwords;
        this.staging = properties.directory().resolve(".staging").toAbsolutePath();
        clearStaging();
    }

    /** Every plugin with its state, hash and signature; admins only. */
    public List<PluginStatus> plugins() {
        RoleGuard.requireAdmin("see plugin details");
        return host.statuses();
    }

    /** How signatures are checked. */
    public SignatureMode signatureMode() {
        return host.signatureMode();
    }

    /** The largest JAR an upload may have. */
    public long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    /**
     * Receives an uploaded JAR and checks it (a JAR with a plugin manifest, plugin-api range, dependencies,
     * signature). Nothing is installed yet: {@link #install} (a new plugin) or {@link #upgrade} (another version of an
     * installed one) follows, or {@link #discard}.
     *
     * @throws PluginRefusedException with every reason when it cannot be installed (audited; nothing is kept)
     */
    public StagedPlugin stage(String fileName, InputStream content) {
        RoleGuard.requireAdmin("upload plugins");
        String name = fileName == null || fileName.isBlank() ? "upload.jar" : Path.of(fileName).getFileName()
                .toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            throw refused(name, "Only plugin JARs (.jar) can be installed; " + name + " is not one");
        }
        String token = UUID.randomUUID().toString();
        Path file = staging.resolve(token + ".jar");
        try {
            Files.createDirectories(staging);
            copyAtMost(content, file, maxUploadBytes(), name);
            PluginCandidate candidate = host.inspect(file, name);
            candidate.requireAcceptable();
            staged.put(token, file);
            return new StagedPlugin(token, name, candidate);
        } catch (PluginRefusedException e) {
            deleteQuietly(file);
            throw refused(name, e.getMessage());
        } catch (IOException e) {
            deleteQuietly(file);
            throw refused(name, "The upload of " + name + " could not be stored: " + e.getMessage());
        }
    }

    /**
     * Installs a staged new plugin, disabled: it runs only after an admin enables it with their password.
     *
     * @throws PluginRefusedException when it cannot be installed (e.g. its id is installed already: upgrade instead)
     */
    public PluginStatus install(StagedPlugin plugin) {
        RoleGuard.requireAdmin("install plugins");
        Path file = take(plugin);
        try {
            PluginCandidate installed = host.installDisabled(file, plugin.fileName());
            audit.record(INSTALLED, target(installed.id()), installed.id() + " " + installed.version()
                    + " installed disabled from " + plugin.fileName() + "; sha256 " + installed.sha256()
                    + "; signature: " + installed.signature().summary());
            return status(installed.id());
        } catch (PluginRefusedException e) {
            throw refused(plugin.fileName(), e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Replaces an installed plugin with the staged version; the admin's password is required because the new code
     * runs at once with the portal's rights when the plugin is enabled. An older or the same version needs
     * {@code allowNotNewer}.
     */
    public PluginStatus upgrade(StagedPlugin plugin, String password, boolean allowNotNewer) {
        RoleGuard.requireAdmin("upgrade plugins");
        String id = plugin.candidate().id();
        requirePassword(password, "upgrade plugin " + id);
        Path file = take(plugin);
        try {
            String before = host.status(id).map(s -> s.version() + " " + s.state() + " sha256 " + s.sha256())
                    .orElse("?");
            PluginCandidate installed = host.upgrade(id, file, plugin.fileName(), allowNotNewer);
            PluginStatus after = status(id);
            audit.record(UPGRADED, target(id), "before: " + before + "; after: " + after.version() + " "
                    + after.state() + " sha256 " + after.sha256() + "; signature: "
                    + installed.signature().summary() + (installed.notNewer() ? "; not newer, confirmed" : ""));
            return after;
        } catch (PluginRefusedException e) {
            throw refused(plugin.fileName(), e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    /** Forgets a staged upload the admin decided not to install. */
    public void discard(StagedPlugin plugin) {
        RoleGuard.requireAdmin("upload plugins");
        Path file = staged.remove(plugin.token());
        if (file != null) {
            deleteQuietly(file);
        }
    }

    /**
     * Enables a plugin (also after a restart) and starts it. The admin re-enters their password: this is the moment
     * a plugin's code starts running with the portal's full rights.
     *
     * @throws PluginRefusedException when the password is wrong (nothing changes) or it cannot run here
     */
    public PluginStatus enable(String pluginId, String password) {
        RoleGuard.requireAdmin("enable plugins");
        requirePassword(password, "enable plugin " + pluginId);
        String before = stateOf(pluginId);
        try {
            PluginState state = host.enable(pluginId);
            audit.record(ENABLED, target(pluginId), "state " + before + " -> " + state);
            return status(pluginId);
        } catch (PluginRefusedException e) {
            throw refused(pluginId, e.getMessage());
        }
    }

    /** Stops a plugin and keeps it stopped across restarts until it is enabled again. */
    public PluginStatus disable(String pluginId) {
        RoleGuard.requireAdmin("disable plugins");
        String before = stateOf(pluginId);
        host.disable(pluginId);
        audit.record(DISABLED, target(pluginId), "state " + before + " -> " + stateOf(pluginId));
        return status(pluginId);
    }

    /** Stops an enabled plugin until it is started again (or the portal restarts). */
    public PluginStatus stop(String pluginId) {
        RoleGuard.requireAdmin("stop plugins");
        String before = stateOf(pluginId);
        host.stop(pluginId);
        audit.record(STOPPED, target(pluginId), "state " + before + " -> " + stateOf(pluginId));
        return status(pluginId);
    }

    /** Starts an enabled plugin that is stopped or failed; a disabled plugin needs {@link #enable}. */
    public PluginStatus start(String pluginId) {
        RoleGuard.requireAdmin("start plugins");
        String before = stateOf(pluginId);
        try {
            PluginState state = host.start(pluginId);
            audit.record(STARTED, target(pluginId), "state " + before + " -> " + state);
            return status(pluginId);
        } catch (PluginRefusedException e) {
            throw refused(pluginId, e.getMessage());
        }
    }

    /** Stops, unloads and deletes a plugin. */
    public void uninstall(String pluginId) {
        RoleGuard.requireAdmin("uninstall plugins");
        String before = host.status(pluginId).map(s -> s.version() + " " + s.state() + " sha256 " + s.sha256())
                .orElseThrow(() -> new UnknownPluginException(pluginId));
        try {
            host.uninstall(pluginId);
        } catch (PluginRefusedException e) {
            throw refused(pluginId, e.getMessage());
        }
        audit.record(UNINSTALLED, target(pluginId), "before: " + before + "; after: not installed");
    }

    /** A JAR dropped into the plugins directory, taken up by the directory watcher (no user: "system"). */
    void adoptDropped(Path jar) {
        try {
            host.adoptDropped(jar).ifPresent(installed -> audit.record("system", INSTALLED, target(installed.id()),
                    installed.id() + " " + installed.version() + " installed disabled from the plugins directory ("
                    + jar.getFileName() + "); sha256 " + installed.sha256() + "; signature: "
                    + installed.signature().summary()));
        } catch (PluginRefusedException e) {
            audit.record("system", REFUSED, "plugin-file:" + jar.getFileName(), e.getMessage()
                    + " (moved to rejected/)");
        }
    }

    private PluginRefusedException refused(String what, String reason) {
        audit.record(REFUSED, what.endsWith(".jar") ? "plugin-file:" + what : target(what), reason);
        return new PluginRefusedException(reason);
    }

    private void requirePassword(String password, String what) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String hash;
        try {
            hash = users.loadUserByUsername(who.getName()).getPassword();
        } catch (UsernameNotFoundException e) {
            hash = null;
        }
        if (hash == null || password == null || password.isEmpty() || !passwords.matches(password, hash)) {
            audit.record(REFUSED, "user:" + who.getName(), "wrong password to " + what);
            throw new PluginRefusedException("The password is not right; nothing was changed");
        }
    }

    private Path take(StagedPlugin plugin) {
        Path file = staged.remove(plugin.token());
        if (file == null || !Files.exists(file)) {
            throw new PluginRefusedException("The upload of " + plugin.fileName() + " is gone; upload it again");
        }
        return file;
    }

    private PluginStatus status(String pluginId) {
        return host.status(pluginId).orElseThrow(() -> new UnknownPluginException(pluginId));
    }

    private String stateOf(String pluginId) {
        return status(pluginId).state();
    }

    private static String target(String pluginId) {
        return "plugin:" + pluginId;
    }

    private static void copyAtMost(InputStream content, Path file, long limit, String name) throws IOException {
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
                if (total > limit) {
                    throw new PluginRefusedException(name + " is larger than the limit of " + limit / (1024 * 1024)
                            + " MB (switchboard.plugins.max-upload-size)");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private void clearStaging() {
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> files = Files.list(staging)) {
            files.forEach(PluginAdministration::deleteQuietly);
        } catch (IOException e) {
            log.warn("Cannot clear {}: {}", staging, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
