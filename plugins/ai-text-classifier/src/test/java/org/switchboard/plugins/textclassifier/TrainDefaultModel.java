package org.switchboard.plugins.textclassifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * Trains a plugin's shipped model from the dataset in the repository (the training part of the same stratified
 * split the evaluation holds out) and writes {@code model.properties} and {@code weights.params}.
 *
 * <p>Usage: {@code TrainDefaultModel <dataset.csv> <model-id> <output-folder>}; each plugin's README gives the
 * Maven command. The version is {@code default-<first 8 hex digits of the dataset's SHA-256>}, so a retrained
 * default from an unchanged dataset keeps its version.
 */
public final class TrainDefaultModel {

    private TrainDefaultModel() {
    }

    public static void main(String[] args) throws IOException, AiException {
        if (args.length != 3) {
            System.err.println("usage: TrainDefaultModel <dataset.csv> <model-id> <output-folder>");
            System.exit(2);
        }
        List<LabelledText> examples;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            examples = TrainingExamples.validate(LabelledCsv.read(in));
        }
        String version = "default-" + ModelTrainer.sha256(examples).substring(0, 8);
        long started = System.nanoTime();
        try (LoadedModel model = new ModelTrainer(TrainingSettings.DEFAULT).train(args[1], version, examples,
                (fraction, stage) -> System.out.printf("%3.0f%% %s%n", fraction * 100, stage))) {
            ModelStore.write(model, Path.of(args[2]));
            ModelMetadata m = model.metadata();
            System.out.printf("%s %s: trained on %d, held out %d, accuracy %.3f, macro-F1 %.3f, %.1f s%n",
                    m.modelId(), m.version(), m.trainingCount(), m.heldOutCount(), m.accuracy(), m.macroF1(),
                    (System.nanoTime() - started) / 1e9);
            System.out.println("per-label F1: " + m.perLabelF1());
            System.out.println("written to " + Path.of(args[2]).toAbsolutePath());
        }
    }
}
