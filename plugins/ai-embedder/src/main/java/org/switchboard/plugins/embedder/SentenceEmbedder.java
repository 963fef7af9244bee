package org.switchboard.plugins.embedder;

import java.io.IOException;
import org.pf4j.Extension;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Embedder;
import org.switchboard.plugin.api.ai.ModelInfo;

/**
 * Vectors for questions and knowledge-base passages; compare them with the cosine (they are L2-normalised, so
 * the dot product is the cosine). Public because PF4J instantiates it.
 */
@Extension
public class SentenceEmbedder implements Embedder {

    @Override
    public ModelInfo model() {
        try {
            EmbeddingMetadata m = EmbedderPlugin.model().metadata();
            return new ModelInfo(m.modelId(), m.version());
        } catch (AiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public int dimensions() {
        try {
            return EmbedderPlugin.model().metadata().hidden();
        } catch (AiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public float[] embed(String text) throws AiException {
        if (text == null) {
            throw new AiException("No text to embed");
        }
        try {
            return EmbedderPlugin.model().embed(text);
        } catch (IOException e) {
            throw new AiException("The embedding model failed: " + e.getMessage(), e);
        }
    }
}
