package org.switchboard.plugins.textclassifier;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.TrainingProgress;

/**
 * Trains a model on the training part of a stratified split and evaluates it on the held-out part.
 */
final class ModelTrainer {

    private final TrainingSettings settings;

    ModelTrainer(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * Trains.
     *
     * @param modelId  the model id to record
     * @param version  the version to record
     * @param examples validated examples (see {@link TrainingExamples#validate})
     * @param progress where to report; checked for cancellation between steps
     * @return the trained model in memory, with its held-out evaluation in its metadata
     */
    LoadedModel train(String modelId, String version, List<LabelledText> examples, TrainingProgress progress)
            throws AiException {
        List<String> labels = TrainingExamples.labels(examples);
        StratifiedSplit split = StratifiedSplit.of(examples);
        HashedNgrams featurizer = new HashedNgrams(settings.dimensions());
        progress.report(0, "preparing " + split.training().size() + " examples");
        return EngineThread.call(() -> {
            Engine engine = Engine.getEngine("PyTorch");
            engine.setRandomSeed(settings.seed());
            Model model = Model.newInstance(modelId, "PyTorch");
            boolean done = false;
            try {
                model.setBlock(ClassifierNetwork.create(settings.hidden(), labels.size()));
                fit(model, split.training(), labels, featurizer, progress);
                progress.report(0.97, "evaluating on " + split.heldOut().size() + " held-out examples");
                ModelMetadata unscored = metadata(modelId, version, labels, split, null, examples);
                LoadedModel trained = LoadedModel.of(unscored, model);
                Evaluation evaluation = evaluate(trained, split.heldOut());
                LoadedModel scored = LoadedModel.of(metadata(modelId, version, labels, split, evaluation,
                        examples), model);
                done = true;
                progress.report(1, "done");
                return scored;
            } catch (IOException | RuntimeException e) {
                throw new AiException("Training failed: " + e.getMessage(), e);
            } finally {
                if (!done) {
                    model.close();
                }
            }
        });
    }

    private void fit(Model model, List<LabelledText> training, List<String> labels, HashedNgrams featurizer,
            TrainingProgress progress) throws AiException {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                        .optWeightDecays(1e-4f).build());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(settings.batchSize(), settings.dimensions()));
            int n = training.size();
            float[][] x = new float[n][];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = featurizer.vector(training.get(i).text());
                y[i] = labels.indexOf(training.get(i).label());
            }
            // Batches are assembled here from plain arrays: DJL's ArrayDataset slices and stacks one NDArray per
            // example, which made an epoch of 400 examples take over a second on this machine.
            Random random = new Random(settings.seed());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            int dims = settings.dimensions();
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                if (progress.cancelled()) {
                    throw new AiException("Training was cancelled");
                }
                Collections.shuffle(order, random);
                for (int from = 0; from < n; from += settings.batchSize()) {
                    int size = Math.min(settings.batchSize(), n - from);
                    float[] batchX = new float[size * dims];
                    float[] batchY = new float[size];
                    for (int j = 0; j < size; j++) {
                        int i = order.get(from + j);
                        System.arraycopy(x[i], 0, batchX, j * dims, dims);
                        batchY[j] = y[i];
                    }
                    try (NDManager step = trainer.getManager().newSubManager()) {
                        NDArray features = step.create(batchX, new Shape(size, dims));
                        NDArray targets = step.create(batchY);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(new NDList(features));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(targets), predictions);
                            collector.backward(loss);
                        }
                        trainer.step();
                    }
                }
                progress.report(0.95 * epoch / settings.epochs(), "epoch " + epoch + " of " + settings.epochs());
            }
        }
    }

    static Evaluation evaluate(LoadedModel model, List<LabelledText> heldOut) throws IOException {
        List<String> labels = model.metadata().labels();
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabelledText example : heldOut) {
            truth.add(example.label());
            predicted.add(labels.get(argmax(model.probabilities(example.text()))));
        }
        return Evaluation.of(labels, truth, predicted);
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private ModelMetadata metadata(String modelId, String version, List<String> labels, StratifiedSplit split,
            Evaluation evaluation, List<LabelledText> examples) {
        Evaluation scores = evaluation == null ? new Evaluation(0, 0, java.util.Map.of()) : evaluation;
        return new ModelMetadata(modelId, version, labels, HashedNgrams.VERSION, settings.dimensions(),
                settings.hidden(), split.training().size(), split.heldOut().size(), scores.accuracy(),
                scores.macroF1(), scores.perLabelF1(), sha256(examples), Instant.now().toString());
    }

    /** A fingerprint of the examples, so a shipped model can be checked against the dataset in the repository. */
    static String sha256(List<LabelledText> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledText example : examples) {
                digest.update(example.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(example.label().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
