package org.switchboard.portal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Copies the first-party plugin JARs that travel inside the portal ({@code classpath:bundled-plugins/*.jar}) into
 * the plugins directory, so the portal JAR alone runs with its channels.
 *
 * <p>A bundled plugin is copied when no JAR in the directory has its plugin id, and replaced when the JAR there is
 * one we copied earlier (its hash is in {@code .bundled-plugins.properties}) and the bundle now holds a different
 * build. A JAR with the same plugin id that an admin put there is theirs: never overwritten.
 */
@Component
class BundledPluginInstaller {

    private static final Logger log = LoggerFactory.getLogger(BundledPluginInstaller.class);
    private static final String LEDGER = ".bundled-plugins.properties";
    /** Ledger value of a bundled plugin an admin uninstalled: not installed again on the next start. */
    private static final String REMOVED = "removed";

    void installInto(Path directory) throws IOException {
        Resource[] bundled = new PathMatchingResourcePatternResolver().getResources("classpath*:bundled-plugins/*.jar");
        Path ledgerFile = directory.resolve(LEDGER);
        Properties ledger = new Properties();
        if (Files.exists(ledgerFile)) {
            try (Reader reader = Files.newBufferedReader(ledgerFile)) {
                ledger.load(reader);
            }
        }
        boolean changed = false;
        for (Resource resource : bundled) {
            byte[] jar;
            try (InputStream in = resource.getInputStream()) {
                jar = in.readAllBytes();
            }
            String pluginId = pluginIdOf(jar);
            if (pluginId == null) {
                log.warn("Bundled {} has no Plugin-Id; skipped", resource.getFilename());
                continue;
            }
            String hash = sha256(jar);
            if (REMOVED.equals(ledger.getProperty(pluginId))) {
                continue;
            }
            Optional<Path> existing = findByPluginId(directory, pluginId);
            if (existing.isPresent()) {
                String installedHash = ledger.getProperty(pluginId);
                boolean ours = installedHash != null && installedHash.equals(sha256(Files.readAllBytes(existing.get())));
                if (!ours || installedHash.equals(hash)) {
                    continue;
                }
                Files.delete(existing.get());
                log.info("Upgrading bundled plugin {}", pluginId);
            }
            Path target = directory.resolve(resource.getFilename());
            Path temp = Files.createTempFile(directory, ".installing-", ".tmp");
            Files.write(temp, jar);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ledger.setProperty(pluginId, hash);
            changed = true;
            log.info("Installed bundled plugin {} as {}", pluginId, target);
        }
        if (changed) {
            try (Writer writer = Files.newBufferedWriter(ledgerFile)) {
                ledger.store(writer, "First-party plugins installed from the portal JAR (plugin id = SHA-256)");
            }
        }
    }

    /** Whether the JAR is a first-party plugin this installer copied from the portal JAR, unchanged since. */
    boolean isBundled(Path directory, Path jar) {
        String pluginId = PluginJarFiles.pluginIdOf(jar);
        if (pluginId == null) {
            return false;
        }
        String hash = readLedger(directory).getProperty(pluginId);
        return hash != null && !REMOVED.equals(hash) && hash.equals(PluginJarFiles.sha256(jar));
    }

    /** An admin uninstalled the plugin: if it was a bundled one, it stays uninstalled after a restart. */
    void uninstalled(Path directory, String pluginId) throws IOException {
        Properties ledger = readLedger(directory);
        if (ledger.getProperty(pluginId) != null) {
            ledger.setProperty(pluginId, REMOVED);
            try (Writer writer = Files.newBufferedWriter(directory.resolve(LEDGER))) {
                ledger.store(writer, "First-party plugins installed from the portal JAR (plugin id = SHA-256)");
            }
        }
    }

    private static Properties readLedger(Path directory) {
        Properties ledger = new Properties();
        Path file = directory.resolve(LEDGER);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                ledger.load(reader);
            } catch (IOException e) {
                log.warn("Cannot read {}: {}", file, e.getMessage());
            }
        }
        return ledger;
    }

    private static Optional<Path> findByPluginId(Path directory, String pluginId) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> pluginId.equals(pluginIdOf(p)))
                    .findFirst();
        }
    }

    private static String pluginIdOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Plugin-Id");
        } catch (IOException e) {
            return null;
        }
    }

    private static String pluginIdOf(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            return in.getManifest() == null ? null : in.getManifest().getMainAttributes().getValue("Plugin-Id");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
