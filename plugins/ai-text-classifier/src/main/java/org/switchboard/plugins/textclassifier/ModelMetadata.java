package org.switchboard.plugins.textclassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a model file needs beside its weights ({@code model.properties}): the labels in output order, the featurizer
 * and network sizes, where it came from, and how it scored on the examples held out of its training.
 *
 * @param modelId       the stable model id (e.g. {@code intent-mlp})
 * @param version       the version of these weights
 * @param labels        the labels, in the order of the network's outputs
 * @param featurizer    {@link HashedNgrams#VERSION} at training time
 * @param dimensions    the featurizer's dimensions (the network's input size)
 * @param hidden        the hidden layer's size
 * @param trainingCount examples trained on
 * @param heldOutCount  examples held out
 * @param accuracy      held-out accuracy
 * @param macroF1       held-out macro-F1
 * @param perLabelF1    held-out F1 per label
 * @param datasetSha256 SHA-256 of the examples (text and label, in order) the model was made from
 * @param createdAt     ISO-8601 instant of training
 */
record ModelMetadata(String modelId, String version, List<String> labels, String featurizer, int dimensions,
        int hidden, int trainingCount, int heldOutCount, double accuracy, double macroF1,
        Map<String, Double> perLabelF1, String datasetSha256, String createdAt) {

    static final String FILE = "model.properties";

    ModelMetadata {
        labels = List.copyOf(labels);
        perLabelF1 = Map.copyOf(perLabelF1);
    }

    /** Reads and checks a {@code model.properties}. */
    static ModelMetadata read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            List<String> labels = Arrays.stream(required(p, "labels").split(",")).map(String::strip).toList();
            Map<String, Double> f1 = new LinkedHashMap<>();
            for (String label : labels) {
                String value = p.getProperty("f1." + label);
                if (value != null) {
                    f1.put(label, Double.parseDouble(value));
                }
            }
            ModelMetadata metadata = new ModelMetadata(required(p, "model.id"), required(p, "version"), labels,
                    required(p, "featurizer"), Integer.parseInt(required(p, "dimensions")),
                    Integer.parseInt(required(p, "hidden")), Integer.parseInt(p.getProperty("training.count", "0")),
                    Integer.parseInt(p.getProperty("heldout.count", "0")),
                    Double.parseDouble(p.getProperty("heldout.accuracy", "0")),
                    Double.parseDouble(p.getProperty("heldout.macro-f1", "0")), f1, p.getProperty("dataset.sha256", ""),
                    p.getProperty("created", ""));
            if (labels.size() < 2) {
                throw new IOException("it names fewer than two labels");
            }
            if (!HashedNgrams.VERSION.equals(metadata.featurizer())) {
                throw new IOException("it was made for featurizer " + metadata.featurizer() + ", this plugin has "
                        + HashedNgrams.VERSION);
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

    void write(OutputStream out) throws IOException {
        // Sorted keys and no date comment, so the same model always writes the same bytes.
        Map<String, String> p = new TreeMap<>();
        p.put("model.id", modelId);
        p.put("version", version);
        p.put("labels", String.join(",", labels));
        p.put("featurizer", featurizer);
        p.put("dimensions", String.valueOf(dimensions));
        p.put("hidden", String.valueOf(hidden));
        p.put("training.count", String.valueOf(trainingCount));
        p.put("heldout.count", String.valueOf(heldOutCount));
        p.put("heldout.accuracy", String.valueOf(accuracy));
        p.put("heldout.macro-f1", String.valueOf(macroF1));
        perLabelF1.forEach((label, f1) -> p.put("f1." + label, String.valueOf(f1)));
        p.put("dataset.sha256", datasetSha256);
        p.put("created", createdAt);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : p.entrySet()) {
            Properties one = new Properties();
            one.setProperty(e.getKey(), e.getValue());
            StringWriter line = new StringWriter();
            one.store(line, null);
            // Properties.store writes a date comment first; keep only the escaped key=value line.
            new java.io.BufferedReader(new StringReader(line.toString())).lines()
                    .filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
