package org.switchboard.portal.plugin;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Plugin host settings.
 *
 * @param directory       where plugin JARs are loaded from
 * @param installBundled  whether the first-party plugins inside the portal JAR are copied into {@code directory}
 *                        on start (new ones added, ones we installed earlier upgraded; a JAR an admin put there
 *                        with the same plugin id is left alone)
 * @param startTimeout    how long one plugin's {@code start()} may take before it is marked failed
 * @param dataDirectory   where plugins get their private data directories
 */
@ConfigurationProperties("switchboard.plugins")
public record PluginProperties(Path directory, boolean installBundled, Duration startTimeout, Path dataDirectory) {

    public PluginProperties {
        directory = directory == null ? Path.of("plugins") : directory;
        startTimeout = startTimeout == null ? Duration.ofSeconds(30) : startTimeout;
        dataDirectory = dataDirectory == null ? Path.of("data", "plugin-data") : dataDirectory;
    }
}
