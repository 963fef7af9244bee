package org.switchboard.plugins.embedder;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugins.textclassifier.LabelledCsv;

/**
 * Trains the shipped embedding model (or an operator's replacement) from a {@code text,label} CSV of texts and
 * their topics, and writes {@code model.properties} and {@code weights.params}.
 *
 * <p>Usage: {@code TrainDefaultEmbedder <topics.csv> <output-folder>}; the README gives the Maven command. The
 * version is {@code default-<first 8 hex digits of the dataset's SHA-256>}.
 */
public final class TrainDefaultEmbedder {

    static final String MODEL_ID = "sentence-embedder";

    private TrainDefaultEmbedder() {
    }

    public static void main(String[] args) throws IOException, AiException {
        if (args.length != 2) {
            System.err.println("usage: TrainDefaultEmbedder <topics.csv> <output-folder>");
            System.exit(2);
        }
        List<LabelledText> examples;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }
        String version = "default-" + EmbeddingTrainer.sha256(examples).substring(0, 8);
        long started = System.nanoTime();
        try (EmbeddingModel model = new EmbeddingTrainer(EmbeddingSettings.DEFAULT).train(MODEL_ID, version,
                examples, System.out::println)) {
            model.writeTo(Path.of(args[1]));
            EmbeddingMetadata m = model.metadata();
            System.out.printf("%s %s: %d examples, %d topics, %d dimensions, %.1f s%n", m.modelId(), m.version(),
                    m.trainingCount(), m.topics().size(), m.hidden(), (System.nanoTime() - started) / 1e9);
            System.out.println("written to " + Path.of(args[1]).toAbsolutePath());
        }
    }
}
