package org.switchboard.portal.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Embedder;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.plugin.api.ai.Retriever;
import org.switchboard.portal.knowledge.KnowledgeBase;
import org.switchboard.portal.plugin.Contributed;
import org.switchboard.portal.plugin.PluginHost;

/**
 * The passages the assistant answers from. Without an {@link Embedder}: BM25's best. With one: BM25's candidates
 * plus the published articles in the customer's language, ordered by meaning (see {@link SemanticRanking}), so an
 * article that shares no word with the question ("my parcel never came" / "Missing deliveries") can still come
 * first; when the embedder cannot place the question (an all-zero vector), BM25's best again. Passages from
 * {@link Retriever} plugins follow.
 */
@Component
public class KnowledgeRetrieval {

    static final int PASSAGES = 5;
    /**
     * Articles compared by meaning beside BM25's hits. Their vectors are cached, so this costs one embedding per
     * article and model version plus a cosine per question; a larger knowledge base relies on BM25 for recall.
     */
    static final int SEMANTIC_ARTICLES = 500;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeRetrieval.class);

    private final PluginHost plugins;
    private final KnowledgeBase knowledge;
    private final CachingEmbedder cache = new CachingEmbedder();

    KnowledgeRetrieval(PluginHost plugins, KnowledgeBase knowledge) {
        this.plugins = plugins;
        this.knowledge = knowledge;
    }

    /** The best passages for a customer's question, best first (also the articles shown beside the reply box). */
    public List<KnowledgePassage> passages(String question, String language) {
        List<Contributed<Embedder>> embedders = plugins.extensions(Embedder.class);
        Embedder embedder = embedders.isEmpty() ? null : cache.of(embedders.getFirst().extension());
        List<KnowledgePassage> passages = new ArrayList<>(embedder != null && placed(embedder, question)
                ? SemanticRanking.rerank(embedder, question, candidates(question, language), PASSAGES)
                : knowledge.retrieve(question, language, PASSAGES));
        for (Contributed<Retriever> retriever : plugins.extensions(Retriever.class)) {
            try {
                passages.addAll(retriever.extension().retrieve(question, language, PASSAGES));
            } catch (AiException | RuntimeException e) {
                log.warn("Retriever {} failed: {}", retriever.pluginId(), e.getMessage());
            }
        }
        return passages;
    }

    /**
     * Embeds the published articles ahead of the first question, so that question (an agent opening a conversation,
     * on the UI thread) does not wait for hundreds of embeddings. Runs shortly after startup and then every few
     * minutes, which also covers new articles and a new model version; articles already embedded cost a map look-up.
     *
     * @return how many articles were embedded now (0 without an embedder or when all were known)
     */
    @Scheduled(initialDelayString = "${switchboard.ai.embedding-warm-up-delay:20s}",
            fixedDelayString = "${switchboard.ai.embedding-warm-up-interval:5m}")
    public int warmUp() {
        List<Contributed<Embedder>> embedders = plugins.extensions(Embedder.class);
        if (embedders.isEmpty()) {
            return 0;
        }
        Embedder embedder = embedders.getFirst().extension();
        int embedded = 0;
        try {
            for (KnowledgePassage article : knowledge.published(null, SEMANTIC_ARTICLES)) {
                if (cache.warm(embedder, SemanticRanking.textOf(article))) {
                    embedded++;
                }
            }
        } catch (AiException | RuntimeException e) {
            log.warn("Embedding the knowledge base ahead of questions failed (questions embed on demand): {}",
                    e.getMessage());
        }
        if (embedded > 0) {
            log.info("Embedded {} knowledge-base articles ahead of questions", embedded);
        }
        return embedded;
    }

    /**
     * Whether the embedder gives the question a direction. An all-zero vector is an embedder's way to say the text
     * is outside what it knows (ai-embedder does so below its topic confidence): then keywords decide, as without an
     * embedder, instead of articles nobody matched by word filling the list.
     */
    private static boolean placed(Embedder embedder, String question) {
        try {
            for (float v : embedder.embed(question)) {
                if (v != 0) {
                    return true;
                }
            }
            return false;
        } catch (AiException | RuntimeException e) {
            log.warn("Embedder failed, keeping the keyword ranking: {}", e.getMessage());
            return false;
        }
    }

    /** BM25's hits first (its order breaks ties), then the other published articles. */
    private List<KnowledgePassage> candidates(String question, String language) {
        Map<String, KnowledgePassage> candidates = new LinkedHashMap<>();
        for (KnowledgePassage hit : knowledge.retrieve(question, language, SemanticRanking.CANDIDATES)) {
            candidates.putIfAbsent(hit.sourceId(), hit);
        }
        for (KnowledgePassage article : knowledge.published(language, SEMANTIC_ARTICLES)) {
            candidates.putIfAbsent(article.sourceId(), article);
        }
        return List.copyOf(candidates.values());
    }
}
