package org.switchboard.portal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Reading plugin JAR files: their manifest id, their hash; and moving them without a half-written state. */
final class PluginJarFiles {

    private PluginJarFiles() {
    }

    /** The {@code Plugin-Id} of a JAR, or {@code null} when it has none or cannot be read. */
    static String pluginIdOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of a file, lower-case hex. */
    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file, atomically where the file system can (same directory tree), else by copy and delete. */
    static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file name in the directory for the plugin that no other file has. */
    static Path freeName(Path directory, String pluginId, String version) {
        String base = (pluginId + "-" + version).replaceAll("[^A-Za-z0-9._-]", "_");
        Path candidate = directory.resolve(base + ".jar");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = directory.resolve(base + "-" + i + ".jar");
        }
        return candidate;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
