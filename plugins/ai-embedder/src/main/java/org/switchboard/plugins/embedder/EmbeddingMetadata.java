package org.switchboard.plugins.embedder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a model needs beside its weights ({@code model.properties}): the featurizer and network sizes, and where
 * the model came from.
 *
 * @param modelId       the stable model id, recorded with every retrieval decision
 * @param version       the version of these weights
 * @param featurizer    {@link HashedFeatures#VERSION} at training time
 * @param dimensions    the featurizer's dimensions (the network's input size)
 * @param hidden        the vector's length
 * @param topics        the topics it was trained to tell apart, in the order of the head's outputs
 * @param minTopicConfidence below this probability of its likeliest topic a text is outside what the model knows,
 *                      and its vector is all zeros (see {@link EmbeddingModel#embed})
 * @param trainingCount examples trained on
 * @param datasetSha256 SHA-256 of the examples (text and label, in order)
 * @param createdAt     ISO-8601 instant of training
 */
record EmbeddingMetadata(String modelId, String version, String featurizer, int dimensions, int hidden,
        List<String> topics, double minTopicConfidence, int trainingCount, String datasetSha256, String createdAt) {

    static final String FILE = "model.properties";

    EmbeddingMetadata {
        topics = List.copyOf(topics);
    }

    /** Reads and checks a {@code model.properties}. */
    static EmbeddingMetadata read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            EmbeddingMetadata metadata = new EmbeddingMetadata(required(p, "model.id"), required(p, "version"),
                    required(p, "featurizer"), Integer.parseInt(required(p, "dimensions")),
                    Integer.parseInt(required(p, "hidden")),
                    Arrays.stream(required(p, "topics").split(",")).map(String::strip)
                            .filter(t -> !t.isEmpty()).toList(),
                    Double.parseDouble(required(p, "min-topic-confidence")),
                    Integer.parseInt(p.getProperty("training.count", "0")), p.getProperty("dataset.sha256", ""),
                    p.getProperty("created", ""));
            if (!HashedFeatures.VERSION.equals(metadata.featurizer())) {
                throw new IOException("it was made for featurizer " + metadata.featurizer() + ", this plugin has "
                        + HashedFeatures.VERSION);
            }
            if (metadata.topics().size() < 2) {
                throw new IOException("it names fewer than two topics");
            }
            if (Integer.bitCount(metadata.dimensions()) != 1 || metadata.hidden() < 2) {
                throw new IOException("its sizes are invalid (dimensions " + metadata.dimensions() + ", hidden "
                        + metadata.hidden() + ")");
            }
            return metadata;
        } catch (NumberFormatException e) {
            throw new IOException("a number in it is malformed: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException("it has no " + key);
        }
        return value.strip();
    }

    /** Sorted keys and no date comment, so the same model always writes the same bytes. */
    void write(OutputStream out) throws IOException {
        Map<String, String> p = new TreeMap<>();
        p.put("model.id", modelId);
        p.put("version", version);
        p.put("featurizer", featurizer);
        p.put("dimensions", String.valueOf(dimensions));
        p.put("hidden", String.valueOf(hidden));
        p.put("topics", String.join(",", topics));
        p.put("min-topic-confidence", String.valueOf(minTopicConfidence));
        p.put("training.count", String.valueOf(trainingCount));
        p.put("dataset.sha256", datasetSha256);
        p.put("created", createdAt);
        StringBuilder text = new StringBuilder();
        // Values are ids, hex and ISO instants: nothing Properties would need to escape except ':' in the instant.
        p.forEach((key, value) -> text.append(key).append('=').append(value.replace(":", "\\:")).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
