package org.switchboard.portal.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;
import org.pf4j.VersionManager;
import org.switchboard.plugin.api.PluginApi;

/**
 * Looks at a plugin JAR before it is installed and says everything that stands in its way: an unreadable file, a
 * missing id or version, a plugin-api range that excludes this portal, missing dependencies, installed plugins that
 * would lose a dependency they need, and (when signatures are required) its signature.
 */
final class PluginInspector {

    private final SwitchboardPluginManager manager;

    PluginInspector(SwitchboardPluginManager manager) {
        this.manager = manager;
    }

    /**
     * @throws PluginRefusedException when the file is not a plugin JAR at all
     */
    PluginCandidate inspect(Path jar, String fileName, SignatureCheck signature, SignatureMode mode) {
        PluginDescriptor descriptor = descriptor(jar, fileName);
        String id = descriptor.getPluginId();
        String version = descriptor.getVersion();
        VersionManager versions = manager.getVersionManager();
        List<String> problems = new ArrayList<>();
        String requires = descriptor.getRequires() == null ? "*" : descriptor.getRequires().strip();
        if (!admits(versions, PluginApi.VERSION, requires)) {
            problems.add("needs plugin-api " + requires + "; this portal provides " + PluginApi.VERSION);
        }
        for (PluginDependency dependency : descriptor.getDependencies()) {
            if (dependency.isOptional()) {
                continue;
            }
            String range = dependency.getPluginVersionSupport();
            String wanted = "'" + dependency.getPluginId() + "'" + ("*".equals(range) ? "" : " " + range);
            PluginWrapper installed = manager.getPlugin(dependency.getPluginId());
            if (installed == null) {
                problems.add("needs plugin " + wanted + " which is not installed");
            } else if (!admits(versions, installed.getDescriptor().getVersion(), range)) {
                problems.add("needs plugin " + wanted + "; version " + installed.getDescriptor().getVersion()
                        + " is installed");
            }
        }
        PluginWrapper current = manager.getPlugin(id);
        if (current != null) {
            for (String dependentId : manager.dependentsOf(id)) {
                PluginDependency need = manager.getPlugin(dependentId).getDescriptor().getDependencies().stream()
                        .filter(d -> d.getPluginId().equals(id)).findFirst().orElseThrow();
                if (!admits(versions, version, need.getPluginVersionSupport())) {
                    problems.add("installed plugin '" + dependentId + "' needs " + id + " "
                            + need.getPluginVersionSupport() + ", not " + version);
                }
            }
        }
        if (!signature.acceptableUnder(mode)) {
            problems.add("signatures are required and this JAR is " + signature.summary());
        }
        String installedVersion = current == null ? null : current.getDescriptor().getVersion();
        int comparison = installedVersion == null ? 1 : versions.compareVersions(version, installedVersion);
        String dependencies = descriptor.getDependencies().stream().map(PluginDependency::toString)
                .collect(Collectors.joining(", "));
        return new PluginCandidate(id, version, nonNull(descriptor.getPluginDescription()),
                nonNull(descriptor.getProvider()), nonNull(descriptor.getLicense()), requires, dependencies,
                PluginJarFiles.sha256(jar), signature, installedVersion, comparison, List.copyOf(problems));
    }

    /** Whether a version lies in a PF4J range; a bare version means "this or later", as PF4J reads it here. */
    static boolean admits(VersionManager versions, String version, String range) {
        if (range == null || range.isBlank() || "*".equals(range.strip())) {
            return true;
        }
        String expression = range.strip().matches("^\\d+\\.\\d+\\.\\d+$") ? ">=" + range.strip() : range.strip();
        try {
            return versions.checkVersionConstraint(version, expression);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PluginDescriptor descriptor(Path jar, String fileName) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new PluginRefusedException(fileName + " is not a plugin: the JAR has no manifest");
            }
        } catch (IOException e) {
            throw new PluginRefusedException(fileName + " is not a JAR (ZIP) file: " + e.getMessage());
        }
        PluginDescriptor descriptor;
        try {
            descriptor = new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            throw new PluginRefusedException(fileName + " is not a plugin: " + SwitchboardPluginManager.rootMessage(e));
        }
        if (descriptor.getPluginId() == null || descriptor.getPluginId().isBlank()) {
            throw new PluginRefusedException(fileName + " is not a plugin: its manifest has no Plugin-Id");
        }
        if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
            throw new PluginRefusedException(fileName + " is not a plugin: its manifest has no Plugin-Version");
        }
        if (!descriptor.getPluginId().matches("[A-Za-z0-9._-]{1,100}")) {
            throw new PluginRefusedException(fileName + ": the Plugin-Id '" + descriptor.getPluginId()
                    + "' may contain only letters, digits, '.', '_' and '-'");
        }
        return descriptor;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
