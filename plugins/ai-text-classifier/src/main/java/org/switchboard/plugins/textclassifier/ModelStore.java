package org.switchboard.plugins.textclassifier;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model files: the shipped default inside the plugin JAR, trained candidates under the plugin's data directory
 * ({@code models/<version>/}), and which one is active ({@code active.properties}; absent means the default).
 */
final class ModelStore {

    static final String WEIGHTS = "weights.params";
    private static final String ACTIVE = "active.properties";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ClassifierSpec spec;
    private final Path root;

    ModelStore(ClassifierSpec spec, Path dataDirectory) {
        this.spec = spec;
        this.root = dataDirectory;
    }

    /** The shipped model. */
    LoadedModel loadDefault() throws IOException {
        String base = spec.resourcePath();
        ModelMetadata metadata;
        try (InputStream in = resource(base + ModelMetadata.FILE)) {
            metadata = checked(ModelMetadata.read(in));
        } catch (IOException e) {
            throw new IOException("the shipped model's " + ModelMetadata.FILE + " is unusable: " + e.getMessage(), e);
        }
        try (InputStream in = new BufferedInputStream(resource(base + WEIGHTS))) {
            return LoadedModel.load(metadata, in);
        } catch (IOException e) {
            throw new IOException("the shipped model's " + WEIGHTS + " is unusable: " + e.getMessage(), e);
        }
    }

    private InputStream resource(String path) throws IOException {
        InputStream in = spec.resourceAnchor().getResourceAsStream(path);
        if (in == null) {
            throw new NoSuchFileException(path + " is missing from the plugin JAR");
        }
        return in;
    }

    /** A trained candidate. */
    LoadedModel loadCandidate(String version) throws IOException {
        Path dir = candidateDir(version);
        ModelMetadata metadata;
        try (InputStream in = Files.newInputStream(dir.resolve(ModelMetadata.FILE))) {
            metadata = checked(ModelMetadata.read(in));
        } catch (NoSuchFileException e) {
            throw new IOException("model " + version + " has no " + ModelMetadata.FILE + " in " + dir, e);
        } catch (IOException e) {
            throw new IOException("model " + version + "'s " + ModelMetadata.FILE + " is unusable: " + e.getMessage(),
                    e);
        }
        if (!metadata.version().equals(version)) {
            throw new IOException("model folder " + version + " holds version " + metadata.version());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(WEIGHTS)))) {
            return LoadedModel.load(metadata, in);
        } catch (NoSuchFileException e) {
            throw new IOException("model " + version + " has no " + WEIGHTS + " in " + dir, e);
        } catch (IOException e) {
            throw new IOException("model " + version + "'s " + WEIGHTS + " is unusable: " + e.getMessage(), e);
        }
    }

    private ModelMetadata checked(ModelMetadata metadata) throws IOException {
        if (!metadata.modelId().equals(spec.modelId())) {
            throw new IOException("it is a model of " + metadata.modelId() + ", not " + spec.modelId());
        }
        return metadata;
    }

    boolean hasCandidate(String version) {
        return VERSION.matcher(version).matches() && Files.isRegularFile(candidateDir(version).resolve(WEIGHTS));
    }

    /** Writes a model's files into a folder of its own; the folder appears complete or not at all. */
    void save(LoadedModel model) throws IOException {
        Path temp = Files.createDirectories(root.resolve("models")).resolve(".tmp-" + model.metadata().version());
        deleteRecursively(temp);
        write(model, temp);
        Files.move(temp, candidateDir(model.metadata().version()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code model.properties} and {@code weights.params} into {@code dir}. */
    static void write(LoadedModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(ModelMetadata.FILE))) {
            model.metadata().write(out);
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(dir.resolve(WEIGHTS))))) {
            model.writeWeights(out);
        }
    }

    /** The version to load at start, or {@code null} for the shipped default. */
    String activeVersion() throws IOException {
        Path file = root.resolve(ACTIVE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        String version = p.getProperty("version", "").strip();
        if (!VERSION.matcher(version).matches()) {
            throw new IOException(root.resolve(ACTIVE) + " names no valid model version");
        }
        return version;
    }

    /** Remembers the active version across restarts ({@code null}: the default); replaced atomically. */
    void setActiveVersion(String version) throws IOException {
        Path file = root.resolve(ACTIVE);
        if (version == null) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(root);
        Path temp = root.resolve(ACTIVE + ".tmp");
        Files.writeString(temp, "version=" + version + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    Path candidateDir(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a model version: " + version);
        }
        return root.resolve("models").resolve(version);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
