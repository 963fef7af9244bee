package org.switchboard.plugins.textclassifier;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.TrainingProgress;
import org.switchboard.plugin.api.ai.TrainingReport;

/**
 * One text classifier as a plugin runs it: the active model (the shipped default or an activated candidate),
 * classification, training candidates and activating them.
 *
 * <p>Candidates are kept under the plugin's data directory; the active choice is written there too, so it survives
 * restarts. Classifying runs concurrently; activating waits for classifications in flight, then swaps.
 */
public final class TextClassifierEngine implements AutoCloseable {

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ClassifierSpec spec;
    private final ModelStore store;
    private final System.Logger logger;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean training = new AtomicBoolean();
    private final String defaultVersion;
    private LoadedModel active;
    private ModelInfo activeInfo;

    private TextClassifierEngine(ClassifierSpec spec, ModelStore store, System.Logger logger, LoadedModel active,
            String defaultVersion) {
        this.spec = spec;
        this.store = store;
        this.logger = logger;
        this.active = active;
        this.activeInfo = new ModelInfo(spec.modelId(), active.metadata().version());
        this.defaultVersion = defaultVersion;
    }

    /**
     * Loads the active model: the candidate last activated, else the shipped default.
     *
     * @param spec          the classifier
     * @param dataDirectory the plugin's data directory
     * @param logger        the plugin's logger
     * @return the running engine
     * @throws AiException when the model to load is missing or broken (the message says which file and why)
     */
    public static TextClassifierEngine open(ClassifierSpec spec, Path dataDirectory, System.Logger logger)
            throws AiException {
        ModelStore store = new ModelStore(spec, dataDirectory);
        String version;
        try {
            version = store.activeVersion();
        } catch (IOException e) {
            throw new AiException("The active " + spec.modelId() + " model cannot be determined: " + e.getMessage(), e);
        }
        LoadedModel model;
        String defaultVersion;
        try {
            if (version == null) {
                model = store.loadDefault();
                defaultVersion = model.metadata().version();
            } else {
                model = store.loadCandidate(version);
                defaultVersion = null;
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new AiException("The " + spec.modelId() + " model cannot be loaded: " + e.getMessage(), e);
        }
        logger.log(Level.INFO, "Loaded model {0} version {1} ({2} labels)", spec.modelId(),
                model.metadata().version(), model.metadata().labels().size());
        return new TextClassifierEngine(spec, store, logger, model, defaultVersion);
    }

    /** The active model. */
    public ModelInfo model() {
        lock.readLock().lock();
        try {
            return activeInfo;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The active model's labels. */
    public List<String> labels() {
        lock.readLock().lock();
        try {
            return requireOpen().metadata().labels();
        } catch (AiException e) {
            return List.of();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Classifies a text with the active model.
     *
     * @param text the text
     * @return the most probable label, its probability and every label's
     * @throws AiException when the model fails or is closed
     */
    public Classification classify(String text) throws AiException {
        if (text == null) {
            throw new AiException("No text to classify");
        }
        lock.readLock().lock();
        try {
            LoadedModel model = requireOpen();
            float[] probabilities = model.probabilities(text);
            List<String> labels = model.metadata().labels();
            Map<String, Double> scores = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                scores.put(labels.get(i), (double) probabilities[i]);
            }
            int best = ModelTrainer.argmax(probabilities);
            double confidence = Math.min(1, Math.max(0, probabilities[best]));
            return new Classification(labels.get(best), confidence, scores, activeInfo);
        } catch (IOException | RuntimeException e) {
            throw new AiException("The " + spec.modelId() + " model failed: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private LoadedModel requireOpen() throws AiException {
        if (active == null) {
            throw new AiException("The " + spec.modelId() + " model is closed");
        }
        return active;
    }

    /**
     * Trains a candidate on 80% of the examples (stratified) and evaluates it on the other 20%. The candidate is
     * saved under the data directory; the active model does not change.
     *
     * @param examples labelled examples (at least 2 labels, {@value TrainingExamples#MIN_PER_LABEL} per label)
     * @param progress progress and cancellation
     * @return the candidate and its held-out scores
     * @throws AiException when the examples are unusable, another training runs, or training fails
     */
    public TrainingReport train(List<LabelledText> examples, TrainingProgress progress) throws AiException {
        List<LabelledText> clean = TrainingExamples.validate(examples);
        TrainingProgress reporter = progress == null ? (fraction, stage) -> { } : progress;
        if (!training.compareAndSet(false, true)) {
            throw new AiException("A training run of " + spec.modelId() + " is already in progress");
        }
        try {
            String version = newVersion(clean);
            ModelTrainer trainer = new ModelTrainer(spec.settings());
            try (LoadedModel candidate = trainer.train(spec.modelId(), version, clean, reporter)) {
                store.save(candidate);
                ModelMetadata m = candidate.metadata();
                logger.log(Level.INFO, "Trained candidate {0} {1}: held-out accuracy {2}, macro-F1 {3}",
                        spec.modelId(), version, m.accuracy(), m.macroF1());
                return new TrainingReport(new ModelInfo(spec.modelId(), version), m.trainingCount(),
                        m.heldOutCount(), m.accuracy(), m.macroF1(), m.perLabelF1());
            } catch (IOException e) {
                throw new AiException("The trained model could not be saved: " + e.getMessage(), e);
            }
        } finally {
            training.set(false);
        }
    }

    private String newVersion(List<LabelledText> examples) {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(VERSION_TIME) + "-"
                + ModelTrainer.sha256(examples).substring(0, 8);
        String version = base;
        for (int n = 2; Files.exists(store.candidateDir(version)); n++) {
            version = base + "-" + n;
        }
        return version;
    }

    /**
     * Makes a candidate (or the shipped default, by its version) the active model, now and after restarts.
     *
     * @param candidate a model of this classifier
     * @throws AiException when there is no such model or it does not load; the active model then stays
     */
    public void activate(ModelInfo candidate) throws AiException {
        if (candidate == null || !spec.modelId().equals(candidate.id())) {
            throw new AiException("Not a model of " + spec.modelId() + ": " + candidate);
        }
        String version = candidate.version();
        boolean toDefault = version.equals(defaultVersion()) && !store.hasCandidate(version);
        if (!toDefault && !store.hasCandidate(version)) {
            throw new AiException("There is no " + spec.modelId() + " candidate " + version);
        }
        LoadedModel next;
        try {
            next = toDefault ? store.loadDefault() : store.loadCandidate(version);
        } catch (IOException | RuntimeException e) {
            throw new AiException("Model " + version + " cannot be loaded: " + e.getMessage(), e);
        }
        LoadedModel previous;
        lock.writeLock().lock();
        try {
            store.setActiveVersion(toDefault ? null : version);
            previous = active;
            active = next;
            activeInfo = new ModelInfo(spec.modelId(), version);
        } catch (IOException e) {
            next.close();
            throw new AiException("The active model could not be recorded: " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
        if (previous != null) {
            previous.close();
        }
        logger.log(Level.INFO, "Activated model {0} version {1}", spec.modelId(), version);
    }

    /** The shipped model's version (read from the JAR when a candidate is active). */
    private String defaultVersion() {
        if (defaultVersion != null) {
            return defaultVersion;
        }
        try (LoadedModel shipped = store.loadDefault()) {
            return shipped.metadata().version();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The active model in memory, for the evaluation command. */
    LoadedModel activeModel() {
        return active;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (active != null) {
                active.close();
                active = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
