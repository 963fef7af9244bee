package org.switchboard.portal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Picks up plugin JARs dropped into the plugins directory while the portal runs, and installs them disabled, like
 * an upload.
 *
 * <p>It polls (every {@code switchboard.plugins.watch-interval}, default 5 s) rather than using a
 * {@link java.nio.file.WatchService}: a watch service misses changes on network and container-mounted file systems
 * (NFS, SMB, many Docker volume drivers) and reports a file when its copy has only begun. Polling works everywhere,
 * costs one directory listing, and a JAR is taken only once its size and modification time are the same in two
 * consecutive looks, so a half-copied file is never read. Hidden files (a name starting with a dot) are ignored:
 * copy as {@code .name.jar} and rename to publish atomically.
 */
@Component
class PluginDirectoryWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginDirectoryWatcher.class);

    private final PluginHost host;
    private final PluginAdministration administration;
    private final PluginProperties properties;
    /** Size and modification time of each unknown JAR at the previous look. */
    private final Map<Path, String> lastLook = new HashMap<>();
    private volatile Thread worker;

    PluginDirectoryWatcher(PluginHost host, PluginAdministration administration, PluginProperties properties) {
        this.host = host;
        this.administration = administration;
        this.properties = properties;
    }

    /** One look at the directory; JARs unchanged since the previous look are taken up. */
    synchronized void look() {
        Map<Path, String> now = new HashMap<>();
        for (Path jar : unknownJars()) {
            String fingerprint;
            try {
                fingerprint = Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            } catch (IOException e) {
                continue;
            }
            if (fingerprint.equals(lastLook.get(jar))) {
                log.info("Found new plugin JAR {} in the plugins directory", jar.getFileName());
                administration.adoptDropped(jar);
            } else {
                now.put(jar, fingerprint);
            }
        }
        lastLook.clear();
        lastLook.putAll(now);
    }

    private List<Path> unknownJars() {
        try (Stream<Path> files = Files.list(properties.directory())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !host.isKnown(p))
                    .toList();
        } catch (IOException e) {
            log.debug("Cannot list the plugins directory: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public void start() {
        if (properties.watchInterval().isZero() || properties.watchInterval().isNegative()) {
            return;
        }
        worker = Thread.ofPlatform().daemon().name("plugin-directory-watcher").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(properties.watchInterval());
                    look();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Looking for new plugins failed: {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
