package org.switchboard.portal.testplugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Real plugin JARs changed the way a publisher would: a first-party plugin JAR with other manifest values (a
 * "version 2"), and JARs signed with {@code jarsigner} by a key pair made at test time with {@code keytool}
 * (no private key is committed).
 */
public final class PluginJarEdits {

    private PluginJarEdits() {
    }

    /** A first-party plugin JAR as bundled with the portal (on the test classpath under bundled-plugins/). */
    public static Path bundled(String pluginId) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:bundled-plugins/" + pluginId + "-*.jar");
            if (found.length == 0) {
                throw new IllegalStateException("no bundled " + pluginId + " JAR on the classpath");
            }
            return found[0].getFile().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a JAR with some main manifest attributes replaced (e.g. {@code Plugin-Version}); drops signatures. */
    public static Path withManifest(Path jar, Map<String, String> attributes, Path target) {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getEntries().clear();
            attributes.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
            Files.createDirectories(target.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName().toUpperCase(java.util.Locale.ROOT);
                    if (name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/") && (name.endsWith(".SF")
                            || name.endsWith(".RSA") || name.endsWith(".EC") || name.endsWith(".DSA"))) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A publisher's key pair and self-signed certificate, made with the JDK's keytool in a folder. */
    public record Publisher(Path keystore, Path certificate, String alias) {

        private static final String PASSWORD = "test-only-password";

        public static Publisher create(Path folder, String name) {
            try {
                Files.createDirectories(folder);
                Path keystore = folder.resolve(name + ".p12");
                Path certificate = folder.resolve(name + ".pem");
                Files.deleteIfExists(keystore);
                run(tool("keytool"), "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=" + name + ", O=Switchboard tests", "-validity", "30", "-storetype", "PKCS12",
                        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
                run(tool("keytool"), "-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(),
                        "-storepass", PASSWORD, "-file", certificate.toString());
                return new Publisher(keystore, certificate, name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Signs a JAR with jarsigner; returns the signed copy. */
        public Path sign(Path jar, Path signed) {
            run(tool("jarsigner"), "-keystore", keystore.toString(), "-storepass", PASSWORD, "-signedjar",
                    signed.toString(), jar.toString(), alias);
            return signed;
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
