package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Embedder;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.plugin.api.ai.ModelInfo;

class SemanticRankingTest {

    /** A tiny embedder of three concepts: delivery problems, shipping times, returns. */
    static class ConceptEmbedder implements Embedder {
        @Override
        public ModelInfo model() {
            return new ModelInfo("concepts", "1");
        }

        @Override
        public int dimensions() {
            return 3;
        }

        @Override
        public float[] embed(String text) throws AiException {
            String t = text.toLowerCase(Locale.ROOT);
            return new float[] {
                    count(t, "never came", "missing", "lost"), count(t, "days", "shipping"), count(t, "return")};
        }

        private static float count(String text, String... words) {
            float n = 0;
            for (String word : words) {
                n += text.contains(word) ? 1 : 0;
            }
            return n;
        }
    }

    final List<KnowledgePassage> bm25Order = List.of(
            new KnowledgePassage("kb:1", "Shipping times", "Parcels take 2 to 4 days of shipping.", 7.0, null),
            new KnowledgePassage("kb:2", "Missing deliveries", "If a parcel is missing or lost, we resend it.", 5.0,
                    null),
            new KnowledgePassage("kb:3", "Returns", "You can return items within 30 days.", 4.0, null));

    @Test
    void the_passage_closest_in_meaning_comes_first() {
        List<KnowledgePassage> ranked = SemanticRanking.rerank(new ConceptEmbedder(), "my parcel never came",
                bm25Order, 2);

        assertThat(ranked).extracting(KnowledgePassage::sourceId).containsExactly("kb:2", "kb:1");
        assertThat(ranked.getFirst().score()).isEqualTo(1.0);
    }

    @Test
    void a_failing_embedder_leaves_the_keyword_order() {
        Embedder broken = new ConceptEmbedder() {
            @Override
            public float[] embed(String text) throws AiException {
                throw new AiException("model not loaded");
            }
        };
        assertThat(SemanticRanking.rerank(broken, "my parcel never came", bm25Order, 2))
                .extracting(KnowledgePassage::sourceId).containsExactly("kb:1", "kb:2");
    }
}
