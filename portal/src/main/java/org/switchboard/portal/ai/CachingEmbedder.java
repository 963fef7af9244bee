package org.switchboard.portal.ai;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Embedder;
import org.switchboard.plugin.api.ai.ModelInfo;

/**
 * Remembers the vectors of recent texts, so the knowledge base's articles are embedded once per model version and
 * not for every question. Forgets everything when the plugin's model changes (a new version embeds differently).
 */
final class CachingEmbedder {

    private static final int MAX_TEXTS = 5_000;

    private final Map<String, float[]> vectors = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > MAX_TEXTS;
        }
    };
    private ModelInfo model;

    /** The embedder's model, with this cache in front; one per call of the pipeline, cheap to make. */
    Embedder of(Embedder embedder) {
        return new Embedder() {
            @Override
            public ModelInfo model() {
                return embedder.model();
            }

            @Override
            public int dimensions() {
                return embedder.dimensions();
            }

            @Override
            public float[] embed(String text) throws AiException {
                ModelInfo current = embedder.model();
                synchronized (vectors) {
                    if (!current.equals(model)) {
                        vectors.clear();
                        model = current;
                    }
                    float[] known = vectors.get(text);
                    if (known != null) {
                        return known;
                    }
                }
                float[] vector = embedder.embed(text);
                synchronized (vectors) {
                    if (current.equals(model)) {
                        vectors.put(text, vector);
                    }
                }
                return vector;
            }
        };
    }

    /**
     * Embeds a text ahead of its use unless its vector under the embedder's current model is cached.
     *
     * @return whether it was embedded now
     */
    boolean warm(Embedder embedder, String text) throws AiException {
        ModelInfo current = embedder.model();
        synchronized (vectors) {
            if (current.equals(model) && vectors.containsKey(text)) {
                return false;
            }
        }
        of(embedder).embed(text);
        return true;
    }
}
