package org.switchboard.plugins.embedder;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugins.textclassifier.LabelledCsv;

/**
 * The evaluation command (a benchmark, not a test): for each labelled question, where the right article ranks
 * with BM25 alone; with BM25's hits re-ranked by the shipped embedder; with BM25's hits plus the other articles
 * re-ranked by it (what the portal's {@code KnowledgeRetrieval} does); and, as a baseline in the same run, the same
 * candidates re-ranked by the raw hashed n-grams without training. Prints hit@1, hit@3 and MRR, and the embedder's
 * latency per text.
 *
 * <p>Usage: {@code RetrievalEvaluation <knowledge-base.tsv> <queries.csv> [true: list changed ranks]}; see the README.
 */
public final class RetrievalEvaluation {

    /** As the portal's {@code SemanticRanking.CANDIDATES}. */
    static final int CANDIDATES = 20;

    private RetrievalEvaluation() {
    }

    interface Vectors {
        float[] of(String text) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RetrievalEvaluation <knowledge-base.tsv> <queries.csv> [true: list changed ranks]");
            System.exit(2);
        }
        boolean verbose = args.length > 2 && args[2].equals("true");
        List<KeywordIndex.Article> articles = KnowledgeBaseFile.read(Path.of(args[0]));
        List<LabelledText> queries;
        try (Reader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            queries = LabelledCsv.read(in);
        }
        HashedFeatures raw = new HashedFeatures(8192);
        try (KeywordIndex index = new KeywordIndex(articles);
                EmbeddingModel model = EmbeddingModel.loadResource(EmbedderPlugin.class, EmbedderPlugin.SHIPPED)) {
            System.out.printf("%d questions, %d articles; model %s %s%n%n", queries.size(), articles.size(),
                    model.metadata().modelId(), model.metadata().version());
            Vectors embedder = model::embed;
            Vectors ngrams = raw::vector;
            Map<String, Scores> results = new java.util.LinkedHashMap<>();
            Scores keywords = new Scores();
            Scores rerankedOnly = new Scores();
            Scores portal = new Scores();
            Scores untrained = new Scores();
            results.put("BM25 alone (the portal without an embedder)", keywords);
            results.put("BM25's top " + CANDIDATES + " re-ranked by ai-embedder", rerankedOnly);
            results.put("**BM25's hits + the other articles, re-ranked by ai-embedder (the portal with it)**", portal);
            results.put("baseline: the same, with untrained n-gram vectors instead", untrained);
            for (LabelledText q : queries) {
                List<KeywordIndex.Article> bm25 = index.search(q.text(), CANDIDATES);
                List<KeywordIndex.Article> ranked = asThePortalRanks(q.text(), bm25, articles, embedder);
                keywords.add(rank(bm25, q.label()));
                rerankedOnly.add(rank(rerank(q.text(), bm25, embedder), q.label()));
                portal.add(rank(ranked, q.label()));
                untrained.add(rank(asThePortalRanks(q.text(), bm25, articles, ngrams), q.label()));
                if (verbose && rank(bm25, q.label()) != rank(ranked, q.label())) {
                    System.out.printf("  %-70s %s: BM25 #%d -> #%d (first: %s)%n", q.text(), q.label(),
                            rank(bm25, q.label()), rank(ranked, q.label()), ranked.getFirst().id());
                }
            }
            System.out.println("| ranking | hit@1 | hit@3 | MRR | right article not among the candidates |");
            System.out.println("| --- | --- | --- | --- | --- |");
            results.forEach((name, sc) -> System.out.printf("| %s | %.3f | %.3f | %.3f | %d |%n", name, sc.hit(1),
                    sc.hit(3), sc.mrr(), sc.missing));
            latency(model, queries);
            unseenTopics(args[0].replace("knowledge-base.tsv", "topics.csv"), articles, queries, index);
        }
    }

    /**
     * How the embedder does on topics it never saw: a model trained without every fourth topic (its customer
     * questions and its article's sentences), scored on those topics' questions only, against BM25 on the same
     * questions. A workspace's own knowledge base is mostly in this situation.
     */
    private static void unseenTopics(String topicsFile, List<KeywordIndex.Article> articles,
            List<LabelledText> queries, KeywordIndex index) throws Exception {
        List<LabelledText> examples;
        try (Reader in = Files.newBufferedReader(Path.of(topicsFile), StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }
        List<String> topics = EmbeddingTrainer.topics(examples);
        List<String> left = new ArrayList<>();
        for (int i = 0; i < topics.size(); i += 4) {
            left.add(topics.get(i));
        }
        List<LabelledText> training = examples.stream().filter(e -> !left.contains(e.label())).toList();
        System.out.printf("%nTopics left out of training: %s; a model trained on the other %d topics (%d examples)%n",
                left, topics.size() - left.size(), training.size());
        try (EmbeddingModel partial = new EmbeddingTrainer(EmbeddingSettings.DEFAULT).train("leave-out", "eval",
                training, stage -> { })) {
            Scores keywords = new Scores();
            Scores withEmbedder = new Scores();
            Scores seenKeywords = new Scores();
            Scores seenWithEmbedder = new Scores();
            for (LabelledText q : queries) {
                List<KeywordIndex.Article> bm25 = index.search(q.text(), CANDIDATES);
                int ranked = rank(asThePortalRanks(q.text(), bm25, articles, partial::embed), q.label());
                boolean unseen = left.contains(q.label());
                (unseen ? keywords : seenKeywords).add(rank(bm25, q.label()));
                (unseen ? withEmbedder : seenWithEmbedder).add(ranked);
            }
            System.out.println("| questions | ranking | hit@1 | hit@3 | MRR |");
            System.out.println("| --- | --- | --- | --- | --- |");
            System.out.printf("| %d on unseen topics | BM25 alone | %.3f | %.3f | %.3f |%n", keywords.ranks.size(),
                    keywords.hit(1), keywords.hit(3), keywords.mrr());
            System.out.printf("| | as the portal ranks with the embedder | %.3f | %.3f | %.3f |%n",
                    withEmbedder.hit(1), withEmbedder.hit(3), withEmbedder.mrr());
            System.out.printf("| %d on seen topics | BM25 alone | %.3f | %.3f | %.3f |%n", seenKeywords.ranks.size(),
                    seenKeywords.hit(1), seenKeywords.hit(3), seenKeywords.mrr());
            System.out.printf("| | as the portal ranks with the embedder | %.3f | %.3f | %.3f |%n",
                    seenWithEmbedder.hit(1), seenWithEmbedder.hit(3), seenWithEmbedder.mrr());
        }
    }

    /**
     * As the portal's {@code KnowledgeRetrieval}: BM25's order when the question's vector is all zeros (the model
     * does not know its topic), else BM25's hits and then the other articles, ordered by cosine.
     */
    static List<KeywordIndex.Article> asThePortalRanks(String question, List<KeywordIndex.Article> bm25,
            List<KeywordIndex.Article> articles, Vectors vectors) throws IOException {
        float[] q = vectors.of(question);
        boolean known = false;
        for (float v : q) {
            known |= v != 0;
        }
        if (!known) {
            return bm25;
        }
        List<KeywordIndex.Article> candidates = new ArrayList<>(bm25);
        articles.stream().filter(a -> !bm25.contains(a)).forEach(candidates::add);
        return rerank(question, candidates, vectors);
    }

    /** Cosine order, BM25's (or the list's) order breaking ties, as the portal's SemanticRanking does. */
    static List<KeywordIndex.Article> rerank(String question, List<KeywordIndex.Article> candidates, Vectors vectors)
            throws IOException {
        float[] q = vectors.of(question);
        List<Map.Entry<KeywordIndex.Article, Double>> scored = new ArrayList<>();
        for (KeywordIndex.Article a : candidates) {
            scored.add(Map.entry(a, cosine(q, vectors.of(a.title() + "\n" + a.body()))));
        }
        scored.sort(Map.Entry.<KeywordIndex.Article, Double>comparingByValue().reversed());
        return scored.stream().map(Map.Entry::getKey).toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** 1-based rank of the article, 0 when absent. */
    static int rank(List<KeywordIndex.Article> ranking, String id) {
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void latency(EmbeddingModel model, List<LabelledText> queries) throws IOException {
        for (int warm = 0; warm < 3; warm++) {
            for (LabelledText q : queries) {
                model.embed(q.text());
            }
        }
        long[] nanos = new long[queries.size() * 5];
        int k = 0;
        for (int round = 0; round < 5; round++) {
            for (LabelledText q : queries) {
                long start = System.nanoTime();
                model.embed(q.text());
                nanos[k++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%nembedder latency per question: p50 %.2f ms, p95 %.2f ms (%d calls, one thread)%n",
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6, nanos.length);
    }

    private static final class Scores {
        final List<Integer> ranks = new ArrayList<>();
        int missing;

        void add(int rank) {
            ranks.add(rank);
            if (rank == 0) {
                missing++;
            }
        }

        double hit(int k) {
            return ranks.stream().filter(r -> r > 0 && r <= k).count() / (double) ranks.size();
        }

        double mrr() {
            return ranks.stream().mapToDouble(r -> r == 0 ? 0 : 1.0 / r).sum() / ranks.size();
        }
    }

}
