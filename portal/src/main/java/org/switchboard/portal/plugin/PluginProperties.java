package org.switchboard.portal.plugin;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Plugin host settings.
 *
 * @param directory           where plugin JARs are loaded from
 * @param installBundled      whether the first-party plugins inside the portal JAR are copied into {@code directory}
 *                            on start (new ones added, ones we installed earlier upgraded; a JAR an admin put there
 *                            with the same plugin id is left alone)
 * @param startTimeout        how long one plugin's {@code start()} may take before it is marked failed
 * @param dataDirectory       where plugins get their private data directories
 * @param signature           how plugin signatures are checked: off, warn (default) or require
 * @param trustedCertificates a directory of trusted publisher certificates (PEM or DER X.509)
 * @param maxUploadSize       the largest plugin JAR an admin may upload
 * @param watchInterval       how often the plugins directory is looked at for dropped JARs; zero turns it off
 */
@ConfigurationProperties("switchboard.plugins")
public record PluginProperties(Path directory, boolean installBundled, Duration startTimeout, Path dataDirectory,
        SignatureMode signature, Path trustedCertificates, DataSize maxUploadSize, Duration watchInterval) {

    @ConstructorBinding
    public PluginProperties {
        directory = directory == null ? Path.of("plugins") : directory;
        startTimeout = startTimeout == null ? Duration.ofSeconds(30) : startTimeout;
        dataDirectory = dataDirectory == null ? Path.of("data", "plugin-data") : dataDirectory;
        signature = signature == null ? SignatureMode.WARN : signature;
        trustedCertificates = trustedCertificates == null ? Path.of("data", "trusted-publishers") : trustedCertificates;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(200) : maxUploadSize;
        watchInterval = watchInterval == null ? Duration.ofSeconds(5) : watchInterval;
    }

    /** The settings of the plugin host alone, with the defaults for administration. */
    public PluginProperties(Path directory, boolean installBundled, Duration startTimeout, Path dataDirectory) {
        this(directory, installBundled, startTimeout, dataDirectory, null, null, null, null);
    }
}
