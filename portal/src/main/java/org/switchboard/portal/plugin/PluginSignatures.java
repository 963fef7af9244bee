package org.switchboard.portal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks standard signed JARs ({@code jarsigner}) against the trusted publisher certificates in a directory.
 *
 * <p>A JAR is trusted when every entry except the manifest and the signature files themselves is signed, and each
 * entry's signer has a certificate path that validates (PKIX, no revocation check) up to one of the trusted
 * certificates. The directory is read on every check, so adding a publisher's certificate needs no restart. Files
 * there are X.509 certificates, PEM or DER ({@code .pem}, {@code .crt}, {@code .cer}); several per file are fine.
 */
public final class PluginSignatures {

    private static final Logger log = LoggerFactory.getLogger(PluginSignatures.class);

    private final Path trustedCertificates;

    public PluginSignatures(Path trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }

    /** Checks a JAR; never throws. */
    public SignatureCheck check(Path jar) {
        List<CodeSigner[]> signed = new ArrayList<>();
        List<String> unsigned = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                // Signers are known only once the entry has been read to its end; a tampered entry throws here.
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading verifies
                    }
                }
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned.add(entry.getName());
                } else {
                    signed.add(signers);
                }
            }
        } catch (SecurityException e) {
            return SignatureCheck.of(SignatureCheck.Status.INVALID, "", "the JAR was changed after signing ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            return SignatureCheck.of(SignatureCheck.Status.INVALID, "", "cannot read the JAR: " + e.getMessage());
        }
        if (signed.isEmpty()) {
            return SignatureCheck.of(SignatureCheck.Status.UNSIGNED, "", "");
        }
        String signer = describe(signed.getFirst()[0]);
        if (!unsigned.isEmpty()) {
            return SignatureCheck.of(SignatureCheck.Status.INVALID, signer, unsigned.size()
                    + " entries are not signed, e.g. " + unsigned.getFirst());
        }
        Set<TrustAnchor> anchors = trustAnchors();
        if (anchors.isEmpty()) {
            return SignatureCheck.of(SignatureCheck.Status.UNTRUSTED, signer, "no trusted publisher certificates in "
                    + trustedCertificates);
        }
        Set<CertPath> checked = new HashSet<>();
        for (CodeSigner[] signers : signed) {
            boolean trusted = false;
            for (CodeSigner codeSigner : signers) {
                CertPath path = codeSigner.getSignerCertPath();
                if (checked.contains(path) || validates(path, anchors)) {
                    checked.add(path);
                    signer = describe(codeSigner);
                    trusted = true;
                    break;
                }
            }
            if (!trusted) {
                return SignatureCheck.of(SignatureCheck.Status.UNTRUSTED, describe(signers[0]), "");
            }
        }
        return SignatureCheck.of(SignatureCheck.Status.TRUSTED, signer, "");
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }

    private static boolean validates(CertPath path, Set<TrustAnchor> anchors) {
        // A self-signed publisher certificate that is itself trusted is a path of one: accept it directly.
        if (path.getCertificates().size() == 1 && anchors.stream()
                .anyMatch(a -> a.getTrustedCert().equals(path.getCertificates().getFirst()))) {
            return validAt((X509Certificate) path.getCertificates().getFirst());
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            log.debug("Signer path does not validate: {}", e.getMessage());
            return false;
        }
    }

    private static boolean validAt(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Set<TrustAnchor> trustAnchors() {
        Set<TrustAnchor> anchors = new HashSet<>();
        if (trustedCertificates == null || !Files.isDirectory(trustedCertificates)) {
            return anchors;
        }
        try (Stream<Path> files = Files.list(trustedCertificates)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"))) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    factory.generateCertificates(in).forEach(c -> anchors.add(new TrustAnchor((X509Certificate) c,
                            null)));
                } catch (GeneralSecurityException | IOException e) {
                    log.warn("Skipping trusted certificate file {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            log.warn("Cannot read trusted publisher certificates from {}: {}", trustedCertificates, e.getMessage());
        }
        return anchors;
    }

    private static String describe(CodeSigner signer) {
        var certificate = (X509Certificate) signer.getSignerCertPath().getCertificates().getFirst();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return certificate.getSubjectX500Principal().getName() + " [SHA-256 "
                    + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest, 0, 8) + "…]";
        } catch (GeneralSecurityException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
