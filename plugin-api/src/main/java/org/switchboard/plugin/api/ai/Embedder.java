package org.switchboard.plugin.api.ai;

import org.pf4j.ExtensionPoint;

/**
 * Turns text into a vector for semantic retrieval.
 *
 * @since 0.4.0 (incubating)
 */
public interface Embedder extends ExtensionPoint {

    /**
     * The model.
     *
     * @return its id and version
     */
    ModelInfo model();

    /**
     * The length of every vector.
     *
     * @return dimensions
     */
    int dimensions();

    /**
     * Embeds a text.
     *
     * @param text the text
     * @return a vector of {@link #dimensions()} floats
     * @throws AiException when the model cannot answer
     */
    float[] embed(String text) throws AiException;
}
