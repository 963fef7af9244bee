package org.switchboard.plugins.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.ai.KnowledgePassage;

/**
 * Plays the host's retrieval in the evaluation: Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's defaults) over the
 * articles' title and text, lower-cased words without stemming or stopwords, like Lucene's standard analyzer.
 * Like any retriever it returns passages for every query, relevant or not.
 */
final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    record Article(String id, String title, String text, String url) {
    }

    private final List<Article> articles;
    private final List<Map<String, Integer>> frequencies = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    Bm25(List<Article> articles) {
        this.articles = List.copyOf(articles);
        long total = 0;
        for (Article article : articles) {
            Map<String, Integer> tf = new HashMap<>();
            List<String> tokens = CustomerText.tokens(article.title() + " " + article.text());
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            frequencies.add(tf);
            lengths.add(tokens.size());
            total += tokens.size();
        }
        averageLength = articles.isEmpty() ? 1 : (double) total / articles.size();
    }

    List<KnowledgePassage> search(String query, int limit) {
        List<String> terms = CustomerText.tokens(query).stream().distinct().toList();
        List<KnowledgePassage> hits = new ArrayList<>();
        int n = articles.size();
        for (int i = 0; i < n; i++) {
            double score = 0;
            for (String term : terms) {
                Integer tf = frequencies.get(i).get(term);
                if (tf == null) {
                    continue;
                }
                int df = documentFrequency.get(term);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths.get(i) / averageLength));
            }
            if (score > 0) {
                Article a = articles.get(i);
                hits.add(new KnowledgePassage(a.id(), a.title(), a.text(), score, a.url()));
            }
        }
        hits.sort(Comparator.comparingDouble(KnowledgePassage::score).reversed());
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }
}
