package org.switchboard.portal.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Embedder;
import org.switchboard.plugin.api.ai.KnowledgePassage;

/**
 * With an {@link Embedder} installed, the candidates (BM25's hits, then other published articles: see
 * {@link KnowledgeRetrieval}) are re-ranked by meaning: the cosine similarity of the question's and each passage's
 * vectors decides the order (the candidates' order breaks ties), so "my parcel never came" finds the article titled
 * "Missing deliveries". Without one, or when it fails, the candidates' order stands.
 */
final class SemanticRanking {

    /** How many BM25 hits are re-ranked. */
    static final int CANDIDATES = 20;
    private static final Logger log = LoggerFactory.getLogger(SemanticRanking.class);

    private SemanticRanking() {
    }

    static List<KnowledgePassage> rerank(Embedder embedder, String question, List<KnowledgePassage> candidates,
            int limit) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        try {
            float[] query = embedder.embed(question);
            List<KnowledgePassage> scored = new ArrayList<>();
            for (KnowledgePassage passage : candidates) {
                double similarity = cosine(query, embedder.embed(textOf(passage)));
                scored.add(new KnowledgePassage(passage.sourceId(), passage.title(), passage.text(), similarity,
                        passage.url()));
            }
            // Stable sort: equal similarities keep BM25's order.
            scored.sort(Comparator.comparingDouble(KnowledgePassage::score).reversed());
            return scored.subList(0, Math.min(limit, scored.size()));
        } catch (AiException | RuntimeException e) {
            log.warn("Embedder failed, keeping the keyword ranking: {}", e.getMessage());
            return candidates.subList(0, Math.min(limit, candidates.size()));
        }
    }

    /** What is embedded of a passage: its title and text. */
    static String textOf(KnowledgePassage passage) {
        return passage.title() + "\n" + passage.text();
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
