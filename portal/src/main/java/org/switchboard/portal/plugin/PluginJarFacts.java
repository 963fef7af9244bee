package org.switchboard.portal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 and signature check of plugin JARs, cached by path, size and modification time: JARs are large (the
 * AI plugins carry models), and the plugins page asks on every refresh.
 */
final class PluginJarFacts {

    /** What is known of one JAR file. */
    record Facts(String key, String sha256, SignatureCheck signature) {
    }

    private final PluginProperties properties;
    private final PluginSignatures signatures;
    private final BundledPluginInstaller bundled;
    private final Map<String, Facts> cache = new ConcurrentHashMap<>();

    PluginJarFacts(PluginProperties properties, BundledPluginInstaller bundled) {
        this.properties = properties;
        this.bundled = bundled;
        this.signatures = new PluginSignatures(properties.trustedCertificates());
    }

    /** The signature check of a JAR. */
    SignatureCheck signatureOf(Path jar) {
        return of(jar).signature();
    }

    /** The facts of a JAR; an unreadable one has an empty hash and an invalid signature. */
    Facts of(Path jar) {
        String key;
        try {
            key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return new Facts("", "", SignatureCheck.of(SignatureCheck.Status.INVALID, "", "cannot read the JAR: "
                    + e.getMessage()));
        }
        Facts known = cache.get(jar.toAbsolutePath().toString());
        if (known != null && known.key().equals(key)) {
            return known;
        }
        SignatureCheck signature;
        if (bundled.isBundled(properties.directory(), jar)) {
            signature = SignatureCheck.of(SignatureCheck.Status.BUNDLED, "", "");
        } else if (properties.signature() == SignatureMode.OFF) {
            signature = SignatureCheck.of(SignatureCheck.Status.NOT_CHECKED, "", "");
        } else {
            signature = signatures.check(jar);
        }
        Facts fresh = new Facts(key, PluginJarFiles.sha256(jar), signature);
        cache.put(jar.toAbsolutePath().toString(), fresh);
        return fresh;
    }
}
