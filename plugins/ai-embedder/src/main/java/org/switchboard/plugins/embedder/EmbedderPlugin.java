package org.switchboard.plugins.embedder;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;
import org.switchboard.plugin.api.ai.AiException;

/**
 * Loads the embedding model when the plugin starts: a replacement an operator put into the plugin's data
 * directory ({@code model/model.properties} and {@code model/weights.params}), else the model shipped in this
 * JAR. A missing or broken model file makes {@link #start()} throw, so the host marks the plugin failed and
 * retrieval runs on keywords alone.
 */
public class EmbedderPlugin extends SwitchboardPlugin {

    /** The shipped model lives in {@code model/} next to this class. */
    static final String SHIPPED = "model/";
    /** A replacement model's folder, inside the plugin's data directory. */
    static final String REPLACEMENT = "model";

    /**
     * PF4J creates extensions with their no-argument constructor and hands them nothing, so the extension finds
     * the loaded model here. Static is per plugin: each plugin has its own class loader.
     */
    private static volatile EmbeddingModel running;

    public EmbedderPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        Path replacement = context().dataDirectory().resolve(REPLACEMENT);
        boolean replaced = Files.isDirectory(replacement);
        EmbeddingModel model;
        try {
            model = replaced ? EmbeddingModel.loadFolder(replacement)
                    : EmbeddingModel.loadResource(EmbedderPlugin.class, SHIPPED);
        } catch (IOException | RuntimeException | LinkageError e) {
            String reason = "ai-embedder cannot start: the embedding model cannot be loaded: " + e.getMessage();
            // The host shows an admin the innermost cause's message, which would be DJL's bare "Unsupported
            // encoding version: 110": the full chain goes to the log, the exception carries our sentence alone.
            context().logger().log(Level.ERROR, reason, e);
            throw new IllegalStateException(reason);
        }
        EmbeddingMetadata m = model.metadata();
        context().logger().log(Level.INFO, "Loaded embedding model {0} version {1} ({2} dimensions, {3})",
                m.modelId(), m.version(), m.hidden(), replaced ? "replacement in " + replacement : "shipped");
        running = model;
    }

    @Override
    public void stop() {
        EmbeddingModel model = running;
        running = null;
        if (model != null) {
            model.close();
        }
    }

    static EmbeddingModel model() throws AiException {
        EmbeddingModel model = running;
        if (model == null) {
            throw new AiException("The embedding model is not loaded (the ai-embedder plugin is not started)");
        }
        return model;
    }
}
