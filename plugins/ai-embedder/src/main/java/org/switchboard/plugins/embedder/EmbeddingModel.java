package org.switchboard.plugins.embedder;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A model in memory: its metadata, its featurizer and the DJL model holding the network's weights. Thread-safe:
 * every call works in its own NDManager.
 */
final class EmbeddingModel implements AutoCloseable {

    static final String WEIGHTS = "weights.params";

    private final EmbeddingMetadata metadata;
    private final HashedFeatures featurizer;
    private final Model model;
    private final EmbeddingNetwork network;

    private EmbeddingModel(EmbeddingMetadata metadata, Model model, EmbeddingNetwork network) {
        this.metadata = metadata;
        this.featurizer = new HashedFeatures(metadata.dimensions());
        this.model = model;
        this.network = network;
    }

    /** Wraps a freshly trained network, which lives in {@code model}. */
    static EmbeddingModel of(EmbeddingMetadata metadata, Model model, EmbeddingNetwork network) {
        return new EmbeddingModel(metadata, model, network);
    }

    /** The shipped model: {@code model.properties} and {@code weights.params} next to {@code anchor}. */
    static EmbeddingModel loadResource(Class<?> anchor, String folder) throws IOException {
        EmbeddingMetadata metadata;
        try (InputStream in = resource(anchor, folder + EmbeddingMetadata.FILE)) {
            metadata = EmbeddingMetadata.read(in);
        } catch (IOException e) {
            throw new IOException("the shipped model's " + EmbeddingMetadata.FILE + " is unusable: " + e.getMessage(),
                    e);
        }
        try (InputStream in = new BufferedInputStream(resource(anchor, folder + WEIGHTS))) {
            return load(metadata, in);
        } catch (IOException e) {
            throw new IOException("the shipped model's " + WEIGHTS + " is unusable: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(Class<?> anchor, String path) throws IOException {
        InputStream in = anchor.getResourceAsStream(path);
        if (in == null) {
            throw new NoSuchFileException(path + " is missing from the plugin JAR");
        }
        return in;
    }

    /** A model in a folder (an operator's replacement): {@code model.properties} and {@code weights.params}. */
    static EmbeddingModel loadFolder(Path folder) throws IOException {
        EmbeddingMetadata metadata;
        try (InputStream in = Files.newInputStream(folder.resolve(EmbeddingMetadata.FILE))) {
            metadata = EmbeddingMetadata.read(in);
        } catch (NoSuchFileException e) {
            throw new IOException(folder.resolve(EmbeddingMetadata.FILE) + " is missing", e);
        } catch (IOException e) {
            throw new IOException(folder.resolve(EmbeddingMetadata.FILE) + " is unusable: " + e.getMessage(), e);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.resolve(WEIGHTS)))) {
            return load(metadata, in);
        } catch (NoSuchFileException e) {
            throw new IOException(folder.resolve(WEIGHTS) + " is missing", e);
        } catch (IOException e) {
            throw new IOException(folder.resolve(WEIGHTS) + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Builds the network described by {@code metadata} and loads its weights. */
    static EmbeddingModel load(EmbeddingMetadata metadata, InputStream weights) throws IOException {
        return EngineThread.call(() -> {
            Model model = Model.newInstance(metadata.modelId(), "PyTorch");
            try {
                EmbeddingNetwork network = EmbeddingNetwork.create(metadata.hidden(), metadata.topics().size());
                network.whole().loadParameters(model.getNDManager(), new DataInputStream(weights));
                model.setBlock(network.whole());
                EmbeddingModel loaded = new EmbeddingModel(metadata, model, network);
                // A file of the right format but the wrong shapes fails here, at start, not on the first question.
                Reading probe = loaded.read("probe");
                if (probe.vector().length != metadata.hidden() || probe.topics().length != metadata.topics().size()) {
                    throw new IOException("its network gives " + probe.vector().length + " values and "
                            + probe.topics().length + " topics, model.properties says " + metadata.hidden() + " and "
                            + metadata.topics().size());
                }
                return loaded;
            } catch (IOException | MalformedModelException | RuntimeException e) {
                model.close();
                if (e instanceof IOException io) {
                    throw io;
                }
                throw new IOException("its weights are unreadable (" + e.getMessage() + ")", e);
            }
        });
    }

    EmbeddingMetadata metadata() {
        return metadata;
    }

    /**
     * The text's vector, of length {@code hidden}, L2-normalised; all zeros when the model is not sure the text is
     * about any topic it was trained on (its likeliest topic's probability is below
     * {@link EmbeddingMetadata#minTopicConfidence()}). Outside its topics the encoder maps texts onto the nearest
     * known topic, which ranked other articles' right answers down in the evaluation; a zero vector has cosine 0
     * with everything, so a ranking by cosine keeps the order it was given (the host's keyword order).
     */
    float[] embed(String text) throws IOException {
        Reading reading = read(text);
        float best = 0;
        for (float p : reading.topics()) {
            best = Math.max(best, p);
        }
        return best < metadata.minTopicConfidence() ? new float[reading.vector().length]
                : normalised(reading.vector());
    }

    /** The encoder's output and the topic probabilities. */
    Reading read(String text) throws IOException {
        float[] features = featurizer.vector(text);
        return EngineThread.call(() -> {
            try (NDManager call = model.getNDManager().newSubManager()) {
                ParameterStore parameters = new ParameterStore(call, false);
                NDArray input = call.create(features, new Shape(1, features.length));
                NDList hidden = network.encoder().forward(parameters, new NDList(input), false);
                NDArray logits = network.head().forward(parameters, hidden, false).singletonOrThrow();
                return new Reading(hidden.singletonOrThrow().toFloatArray(), logits.softmax(-1).toFloatArray());
            } catch (RuntimeException e) {
                throw new IOException("the model failed on a text: " + e.getMessage(), e);
            }
        });
    }

    /**
     * @param vector the encoder's output, not normalised
     * @param topics each topic's probability, in {@link EmbeddingMetadata#topics()} order
     */
    record Reading(float[] vector, float[] topics) {
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    /** Writes {@code model.properties} and {@code weights.params} into {@code folder}. */
    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve(EmbeddingMetadata.FILE))) {
            metadata.write(out);
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(folder.resolve(WEIGHTS))))) {
            network.whole().saveParameters(out);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
