package org.switchboard.plugins.sentiment;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugins.textclassifier.ClassifierSpec;
import org.switchboard.plugins.textclassifier.TextClassifierEngine;
import org.switchboard.plugins.textclassifier.TrainingSettings;

/**
 * Loads the active sentiment model when the plugin starts: the candidate an admin last activated, else the model
 * shipped in this JAR. A missing or broken model file makes {@link #start()} throw, so the host marks the plugin
 * failed and runs without sentiment detection.
 */
public class SentimentPlugin extends SwitchboardPlugin {

    /** The shipped model lives in {@code model/} next to this class. */
    static final ClassifierSpec SPEC = new ClassifierSpec("sentiment-mlp", SentimentPlugin.class, "model/",
            TrainingSettings.DEFAULT);

    /**
     * PF4J creates extensions with their no-argument constructor and hands them nothing, so the extension finds
     * the running engine here. Static is per plugin: each plugin has its own class loader.
     */
    private static volatile TextClassifierEngine running;

    public SentimentPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        try {
            running = TextClassifierEngine.open(SPEC, context().dataDirectory(), context().logger());
        } catch (AiException e) {
            throw new IllegalStateException("ai-sentiment cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        TextClassifierEngine engine = running;
        running = null;
        if (engine != null) {
            engine.close();
        }
    }

    static TextClassifierEngine engine() throws AiException {
        TextClassifierEngine engine = running;
        if (engine == null) {
            throw new AiException("The sentiment model is not loaded (the ai-sentiment plugin is not started)");
        }
        return engine;
    }
}
