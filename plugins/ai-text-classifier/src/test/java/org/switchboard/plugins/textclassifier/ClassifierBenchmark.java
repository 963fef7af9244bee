package org.switchboard.plugins.textclassifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * The evaluation command (a benchmark, not a test): the shipped model on the held-out part of the shipped dataset
 * (the part its training never saw), beside baselines measured in the same run.
 *
 * <ul>
 * <li>Quality: accuracy and macro-F1 of the model, of always answering the most frequent training label, and of a
 * multinomial naive Bayes over plain words trained on the same training part.</li>
 * <li>Latency per message, p50/p95: the full {@code classify} path (featurize, translator, predictor) against the
 * raw forward pass of the network on an already featurized NDArray.</li>
 * </ul>
 *
 * <p>Usage: {@code ClassifierBenchmark <dataset.csv> <model-id> <anchor-class> <resource-folder>}.
 */
public final class ClassifierBenchmark {

    private static final int WARM_UP = 300;
    private static final int ROUNDS = 20;

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClassifierBenchmark <dataset.csv> <model-id> <anchor-class> <resource-folder>");
            System.exit(2);
        }
        List<LabelledText> examples;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            examples = TrainingExamples.validate(LabelledCsv.read(in));
        }
        StratifiedSplit split = StratifiedSplit.of(examples);
        ClassifierSpec spec = new ClassifierSpec(args[1], Class.forName(args[2]), args[3], TrainingSettings.DEFAULT);
        Path scratch = Files.createTempDirectory("classifier-benchmark");
        try (TextClassifierEngine engine = TextClassifierEngine.open(spec, scratch, System.getLogger("benchmark"))) {
            LoadedModel model = engine.activeModel();
            ModelMetadata m = model.metadata();
            System.out.printf("%s %s, %d labels; dataset %s: %d examples, %d held out (never trained on)%n",
                    m.modelId(), m.version(), m.labels().size(), args[0], examples.size(), split.heldOut().size());
            if (!m.datasetSha256().equals(ModelTrainer.sha256(examples))) {
                System.out.println("WARNING: the shipped model was trained on another version of the dataset;"
                        + " the held-out figures below are not trustworthy. Retrain the default model.");
            }
            List<String> labels = m.labels();
            System.out.println();
            System.out.printf("%-34s %9s %9s%n", "held-out quality", "accuracy", "macro-F1");
            print("model (" + m.modelId() + ")", quality(engine, split.heldOut(), labels));
            print("baseline: majority label", majority(split, labels));
            print("baseline: naive Bayes on words", naiveBayes(split, labels));
            System.out.println();
            System.out.println("per-label F1 (model):");
            new java.util.TreeMap<>(quality(engine, split.heldOut(), labels).perLabelF1())
                    .forEach((label, f1) -> System.out.printf("  %-20s %.3f%n", label, f1));
            System.out.println();
            latency(engine, model, split.heldOut());
        }
    }

    private static void print(String name, Evaluation e) {
        System.out.printf("%-34s %9.3f %9.3f%n", name, e.accuracy(), e.macroF1());
    }

    private static Evaluation quality(TextClassifierEngine engine, List<LabelledText> heldOut, List<String> labels)
            throws AiException {
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabelledText example : heldOut) {
            truth.add(example.label());
            predicted.add(engine.classify(example.text()).label());
        }
        return Evaluation.of(labels, truth, predicted);
    }

    private static Evaluation majority(StratifiedSplit split, List<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        split.training().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        String most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> truth = split.heldOut().stream().map(LabelledText::label).toList();
        return Evaluation.of(labels, truth, truth.stream().map(t -> most).toList());
    }

    /** Multinomial naive Bayes with add-one smoothing over {@link HashedNgrams#words}. */
    private static Evaluation naiveBayes(StratifiedSplit split, List<String> labels) {
        Map<String, Map<String, Integer>> wordCounts = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        Map<String, Integer> docs = new HashMap<>();
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        for (LabelledText e : split.training()) {
            docs.merge(e.label(), 1, Integer::sum);
            for (String w : HashedNgrams.words(e.text())) {
                wordCounts.computeIfAbsent(e.label(), k -> new HashMap<>()).merge(w, 1, Integer::sum);
                totals.merge(e.label(), 1, Integer::sum);
                vocabulary.add(w);
            }
        }
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabelledText e : split.heldOut()) {
            truth.add(e.label());
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (String label : labels) {
                double score = Math.log(docs.getOrDefault(label, 0) + 1.0);
                for (String w : HashedNgrams.words(e.text())) {
                    int c = wordCounts.getOrDefault(label, Map.of()).getOrDefault(w, 0);
                    score += Math.log((c + 1.0) / (totals.getOrDefault(label, 0) + vocabulary.size()));
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = label;
                }
            }
            predicted.add(best);
        }
        return Evaluation.of(labels, truth, predicted);
    }

    private static void latency(TextClassifierEngine engine, LoadedModel model, List<LabelledText> heldOut)
            throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            engine.classify(heldOut.get(i % heldOut.size()).text());
        }
        long[] full = new long[heldOut.size() * ROUNDS];
        int n = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (LabelledText example : heldOut) {
                long start = System.nanoTime();
                engine.classify(example.text());
                full[n++] = System.nanoTime() - start;
            }
        }
        long[] raw = EngineThread.call(() -> {
            try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
                List<NDArray> inputs = new ArrayList<>();
                for (LabelledText example : heldOut) {
                    inputs.add(manager.create(model.featurizer().vector(example.text())).expandDims(0));
                }
                for (int i = 0; i < WARM_UP; i++) {
                    try (NDManager step = manager.newSubManager()) {
                        model.logits(step, inputs.get(i % inputs.size())).toFloatArray();
                    }
                }
                long[] times = new long[inputs.size() * ROUNDS];
                int k = 0;
                for (int r = 0; r < ROUNDS; r++) {
                    for (NDArray input : inputs) {
                        long start = System.nanoTime();
                        try (NDManager step = manager.newSubManager()) {
                            model.logits(step, input).toFloatArray();
                        }
                        times[k++] = System.nanoTime() - start;
                    }
                }
                return times;
            }
        });
        long[] featurize = new long[heldOut.size() * ROUNDS];
        int f = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (LabelledText example : heldOut) {
                long start = System.nanoTime();
                model.featurizer().vector(example.text());
                featurize[f++] = System.nanoTime() - start;
            }
        }
        System.out.printf("%-46s %9s %9s%n", "latency per message (" + full.length + " calls)", "p50 ms", "p95 ms");
        printLatency("classify(): featurize + translator + predictor", full);
        printLatency("raw forward pass on a featurized NDArray", raw);
        printLatency("featurizing alone (hashed n-grams, Java)", featurize);
        System.out.printf("classify() p50 / raw forward p50 = %.1f%n",
                percentile(full, 50) / percentile(raw, 50));
    }

    private static void printLatency(String name, long[] nanos) {
        System.out.printf("%-46s %9.3f %9.3f%n", name, percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

}
