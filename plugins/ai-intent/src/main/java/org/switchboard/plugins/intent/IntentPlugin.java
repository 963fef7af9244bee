package org.switchboard.plugins.intent;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugins.textclassifier.ClassifierSpec;
import org.switchboard.plugins.textclassifier.TextClassifierEngine;
import org.switchboard.plugins.textclassifier.TrainingSettings;

/**
 * Loads the active intent model when the plugin starts: the candidate an admin last activated, else the model
 * shipped in this JAR. A missing or broken model file makes {@link #start()} throw, so the host marks the plugin
 * failed and runs without intent detection.
 */
public class IntentPlugin extends SwitchboardPlugin {

    /** The shipped model lives in {@code model/} next to this class. */
    static final ClassifierSpec SPEC = new ClassifierSpec("intent-mlp", IntentPlugin.class, "model/",
            TrainingSettings.DEFAULT);

    /**
     * PF4J creates extensions with their no-argument constructor and hands them nothing, so the extension finds
     * the running engine here. Static is per plugin: each plugin has its own class loader.
     */
    private static volatile TextClassifierEngine running;

    public IntentPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        try {
            running = TextClassifierEngine.open(SPEC, context().dataDirectory(), context().logger());
        } catch (AiException e) {
            throw new IllegalStateException("ai-intent cannot start: " + e.getMessage(), e);
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
            throw new AiException("The intent model is not loaded (the ai-intent plugin is not started)");
        }
        return engine;
    }
}
