package org.switchboard.plugins.textclassifier;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A model in memory: its metadata, its featurizer and the DJL model holding the weights. Thread-safe: each call
 * gets its own predictor (cheap), because DJL predictors are not.
 */
final class LoadedModel implements AutoCloseable {

    private final ModelMetadata metadata;
    private final HashedNgrams featurizer;
    private final Model model;

    private LoadedModel(ModelMetadata metadata, Model model) {
        this.metadata = metadata;
        this.featurizer = new HashedNgrams(metadata.dimensions());
        this.model = model;
    }

    /** Wraps a freshly trained block (which keeps living in {@code model}). */
    static LoadedModel of(ModelMetadata metadata, Model model) {
        return new LoadedModel(metadata, model);
    }

    /** Builds the network described by {@code metadata} and loads its weights from {@code weights}. */
    static LoadedModel load(ModelMetadata metadata, InputStream weights) throws IOException {
        return EngineThread.call(() -> {
            Model model = Model.newInstance(metadata.modelId(), "PyTorch");
            try {
                Block block = ClassifierNetwork.create(metadata.hidden(), metadata.labels().size());
                block.loadParameters(model.getNDManager(), new DataInputStream(weights));
                model.setBlock(block);
                LoadedModel loaded = new LoadedModel(metadata, model);
                // A file of the right format but the wrong shapes fails here, at load, not on the first message.
                float[] probe = loaded.probabilities("probe");
                if (probe.length != metadata.labels().size()) {
                    throw new IOException("its network has " + probe.length + " outputs for "
                            + metadata.labels().size() + " labels");
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

    ModelMetadata metadata() {
        return metadata;
    }

    HashedNgrams featurizer() {
        return featurizer;
    }

    /** Every label's probability, in {@link ModelMetadata#labels()} order. */
    float[] probabilities(String text) throws IOException {
        return EngineThread.call(() -> {
            try (Predictor<String, float[]> predictor = model.newPredictor(new TextTranslator())) {
                return predictor.predict(text);
            } catch (TranslateException e) {
                throw new IOException("the model failed on a message: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The network alone on an already featurized batch (no translator, no softmax): the raw baseline for latency.
     */
    NDArray logits(NDManager manager, NDArray features) {
        return model.getBlock().forward(new ParameterStore(manager, false), new NDList(features), false)
                .singletonOrThrow();
    }

    /** The weights in DJL's parameter format, as {@link #load} reads them. */
    void writeWeights(DataOutputStream out) throws IOException {
        model.getBlock().saveParameters(out);
    }

    @Override
    public void close() {
        model.close();
    }

    /** Text → hashed n-gram vector → logits → probabilities. */
    private final class TextTranslator implements NoBatchifyTranslator<String, float[]> {

        @Override
        public NDList processInput(TranslatorContext ctx, String input) {
            return new NDList(ctx.getNDManager().create(featurizer.vector(input)).expandDims(0));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().softmax(-1).squeeze(0).toFloatArray();
        }
    }
}
