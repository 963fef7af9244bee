package org.switchboard.portal.ai;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.TrainingProgress;
import org.switchboard.plugin.api.ai.TrainingReport;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.plugin.Contributed;
import org.switchboard.portal.plugin.PluginHost;

/**
 * Retraining classifiers from an admin's examples, one run at a time (training takes a core for seconds to
 * minutes). Training makes a candidate; the active model changes only when an admin activates it after seeing the
 * held-out figures.
 */
@Service
public class ModelTraining implements DisposableBean {

    private final PluginHost plugins;
    private final AuditLog audit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("model-training").factory());

    ModelTraining(PluginHost plugins, AuditLog audit) {
        this.plugins = plugins;
        this.audit = audit;
    }

    /** The installed classifiers. */
    public List<MessageClassifier> classifiers() {
        return plugins.extensions(MessageClassifier.class).stream().map(Contributed::extension).toList();
    }

    /** Starts training a candidate for the classifier; completes with its report or the reason it failed. */
    public CompletableFuture<TrainingReport> train(String classifierId, List<LabelledText> examples,
            TrainingProgress progress) {
        MessageClassifier classifier = find(classifierId).orElseThrow(() -> new IllegalArgumentException(
                "no classifier " + classifierId + " is installed"));
        if (!classifier.trainable()) {
            throw new IllegalArgumentException(classifierId + " cannot be retrained");
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return classifier.train(examples, progress);
            } catch (AiException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, runner);
    }

    /** Makes a trained candidate the active model. */
    public void activate(String classifierId, ModelInfo candidate) throws AiException {
        MessageClassifier classifier = find(classifierId).orElseThrow(() -> new IllegalArgumentException(
                "no classifier " + classifierId + " is installed"));
        classifier.activate(candidate);
        audit.record("ai.model-activated", "classifier:" + classifierId, candidate.id() + "@" + candidate.version());
    }

    private Optional<MessageClassifier> find(String classifierId) {
        return classifiers().stream().filter(c -> c.id().equals(classifierId)).findFirst();
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
