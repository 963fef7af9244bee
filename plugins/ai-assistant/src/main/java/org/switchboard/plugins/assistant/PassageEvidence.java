package org.switchboard.plugins.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.ai.KnowledgePassage;

/**
 * The knowledge passage that answers a question, if one does: the host's best passages are re-checked against the
 * question's own words, because a retriever always returns <em>something</em>.
 *
 * @param passage  the chosen passage, or {@code null} when none supports an answer
 * @param coverage the share of the question's content words found in the passage's title and text (0..1)
 * @param margin   how far the chosen passage's score is ahead of the runner-up, relative (0..1; 1 when alone)
 * @param excerpt  the sentences of the passage that answer the question, condensed
 */
record PassageEvidence(KnowledgePassage passage, double coverage, double margin, String excerpt) {

    /** A passage must share at least half of the question's content words to be used. */
    static final double MIN_COVERAGE = 0.5;

    /** How many of the host's passages are re-checked: further down, BM25 is mostly noise. */
    private static final int CONSIDERED = 3;

    private static final int MAX_EXCERPT = 420;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    /**
     * @param question the customer's question
     * @param passages the host's passages, best first
     */
    static PassageEvidence choose(String question, List<KnowledgePassage> passages) {
        Set<String> asked = CustomerText.topicWords(question);
        if (passages.isEmpty() || asked.isEmpty()) {
            return none();
        }
        KnowledgePassage best = null;
        double bestCoverage = 0;
        double bestRank = 0;
        for (KnowledgePassage passage : passages.subList(0, Math.min(CONSIDERED, passages.size()))) {
            double coverage = CustomerText.coverage(asked, words(passage));
            // a title naming the question's words breaks near-ties ("return" → "Returns and exchanges", not an
            // article that mentions returns in passing); otherwise the host's order decides
            double rank = coverage + 0.15 * CustomerText.coverage(asked, CustomerText.contentWords(passage.title()));
            if (rank > bestRank + 0.1) {
                best = passage;
                bestCoverage = coverage;
                bestRank = rank;
            }
        }
        if (best == null || bestCoverage < MIN_COVERAGE || best.text().isBlank()) {
            return none();
        }
        return new PassageEvidence(best, bestCoverage, margin(best, passages), excerpt(asked, best.text()));
    }

    private static PassageEvidence none() {
        return new PassageEvidence(null, 0, 0, "");
    }

    boolean found() {
        return passage != null;
    }

    private static Set<String> words(KnowledgePassage passage) {
        Set<String> words = new LinkedHashSet<>(CustomerText.contentWords(passage.title()));
        words.addAll(CustomerText.contentWords(passage.text()));
        return words;
    }

    /** (chosen − best other) / chosen over the retriever's scores, clamped to 0..1. */
    private static double margin(KnowledgePassage chosen, List<KnowledgePassage> passages) {
        double other = passages.stream().filter(p -> p != chosen).mapToDouble(KnowledgePassage::score).max()
                .orElse(Double.NaN);
        if (Double.isNaN(other)) {
            return 1;
        }
        if (chosen.score() <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, (chosen.score() - other) / chosen.score()));
    }

    /**
     * The passage itself when short; else its sentences that share most words with the question (the first
     * sentence breaks ties, since articles lead with the rule), kept in their order, up to {@value #MAX_EXCERPT}
     * characters.
     */
    static String excerpt(Set<String> asked, String text) {
        String flat = text.strip();
        if (flat.length() <= MAX_EXCERPT) {
            return flat.replaceAll("\\s+", " ");
        }
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(flat)) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.strip().replaceAll("\\s+", " "));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) ->
                -CustomerText.coverage(asked, CustomerText.contentWords(sentences.get(i))) - (i == 0 ? 0.01 : 0)));
        Set<Integer> chosen = new java.util.TreeSet<>();
        int length = 0;
        for (int i : order) {
            String sentence = sentences.get(i);
            if (length + sentence.length() > MAX_EXCERPT && !chosen.isEmpty()) {
                continue;
            }
            chosen.add(i);
            length += sentence.length() + 1;
            if (length >= MAX_EXCERPT * 2 / 3) {
                break;
            }
        }
        StringBuilder excerpt = new StringBuilder();
        for (int i : chosen) {
            excerpt.append(excerpt.isEmpty() ? "" : " ").append(sentences.get(i));
        }
        return CustomerText.shorten(excerpt.toString(), MAX_EXCERPT + 80);
    }
}
