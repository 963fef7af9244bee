package org.switchboard.plugins.embedder;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * Trains the network from texts labelled with their topic (customer questions and the sentences of the articles
 * that answer them), as a topic classifier.
 */
final class EmbeddingTrainer {

    /** Fewer examples than this for a topic and it is not learnt, only memorised. */
    static final int MIN_PER_TOPIC = 5;

    private final EmbeddingSettings settings;

    EmbeddingTrainer(EmbeddingSettings settings) {
        this.settings = settings;
    }

    /**
     * Trains.
     *
     * @param modelId  the model id to record
     * @param version  the version to record
     * @param examples texts labelled with topics (at least 2 topics, {@value #MIN_PER_TOPIC} texts each)
     * @param progress told what happens, once per epoch
     * @return the trained encoder in memory
     */
    EmbeddingModel train(String modelId, String version, List<LabelledText> examples, Consumer<String> progress)
            throws AiException {
        List<String> topics = topics(examples);
        HashedFeatures featurizer = new HashedFeatures(settings.dimensions());
        return EngineThread.call(() -> {
            Engine.getEngine("PyTorch").setRandomSeed(settings.seed());
            Model model = Model.newInstance(modelId, "PyTorch");
            boolean done = false;
            try {
                EmbeddingNetwork network = EmbeddingNetwork.create(settings.hidden(), topics.size());
                model.setBlock(network.whole());
                fit(model, examples, topics, featurizer, progress);
                EmbeddingMetadata metadata = new EmbeddingMetadata(modelId, version, HashedFeatures.VERSION,
                        settings.dimensions(), settings.hidden(), topics, settings.minTopicConfidence(),
                        examples.size(), sha256(examples), Instant.now().toString());
                done = true;
                return EmbeddingModel.of(metadata, model, network);
            } catch (RuntimeException e) {
                throw new AiException("Training failed: " + e.getMessage(), e);
            } finally {
                if (!done) {
                    model.close();
                }
            }
        });
    }

    /** The topics, sorted; refuses examples that cannot teach anything. */
    static List<String> topics(List<LabelledText> examples) throws AiException {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (LabelledText example : examples) {
            if (example.text().isBlank()) {
                throw new AiException("An example has no text (topic " + example.label() + ")");
            }
            counts.merge(example.label(), 1, Integer::sum);
        }
        if (counts.size() < 2) {
            throw new AiException("Training needs at least 2 topics; the examples have " + counts.keySet());
        }
        List<String> thin = counts.entrySet().stream().filter(e -> e.getValue() < MIN_PER_TOPIC)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!thin.isEmpty()) {
            throw new AiException("Every topic needs at least " + MIN_PER_TOPIC + " examples; too few for "
                    + String.join(", ", thin));
        }
        return List.copyOf(counts.keySet());
    }

    private void fit(Model model, List<LabelledText> examples, List<String> topics, HashedFeatures featurizer,
            Consumer<String> progress) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                        .optWeightDecays(1e-4f).build());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(settings.batchSize(), settings.dimensions()));
            int n = examples.size();
            float[][] x = new float[n][];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = featurizer.vector(examples.get(i).text());
                y[i] = topics.indexOf(examples.get(i).label());
            }
            // Batches from plain arrays: DJL's ArrayDataset stacks one NDArray per example, which is slow here.
            Random random = new Random(settings.seed());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            int dims = settings.dimensions();
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
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
                            collector.backward(trainer.getLoss().evaluate(new NDList(targets), predictions));
                        }
                        trainer.step();
                    }
                }
                progress.accept("epoch " + epoch + " of " + settings.epochs());
            }
        }
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
