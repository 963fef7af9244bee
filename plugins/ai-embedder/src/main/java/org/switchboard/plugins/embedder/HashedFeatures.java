package org.switchboard.plugins.embedder;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a text into a fixed-length vector: word unigrams and bigrams plus character 3- to 5-grams of each word,
 * hashed into {@code dimensions} buckets, log-scaled and L2-normalised.
 *
 * <p>The same recipe as the classifiers' featurizer (kept as this plugin's own copy so each plugin owns the code
 * its model files depend on). Character n-grams carry inflections and typos ("deliveries" / "delivery",
 * "parcle"); the hash is FNV-1a over UTF-16 code units, so a vector is the same on every JVM. {@link #VERSION}
 * must change whenever this class computes anything differently: a model made with another version is refused.
 */
final class HashedFeatures {

    /** Recorded in every model file. */
    static final String VERSION = "embedder-ngrams-v1";
    private static final int MAX_CHARS = 4_000;

    private final int dimensions;

    HashedFeatures(int dimensions) {
        if (Integer.bitCount(dimensions) != 1) {
            throw new IllegalArgumentException("dimensions must be a power of two: " + dimensions);
        }
        this.dimensions = dimensions;
    }

    int dimensions() {
        return dimensions;
    }

    float[] vector(String text) {
        float[] counts = new float[dimensions];
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            add(counts, "w:" + word, 1f);
            if (i + 1 < words.size()) {
                add(counts, "b:" + word + ' ' + words.get(i + 1), 1f);
            }
            String padded = '<' + word + '>';
            for (int n = 3; n <= 5; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    add(counts, "c:" + padded.substring(start, start + n), 0.5f);
                }
            }
        }
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            if (counts[i] != 0) {
                counts[i] = (float) Math.log1p(counts[i]);
                norm += counts[i] * counts[i];
            }
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < dimensions; i++) {
                counts[i] *= scale;
            }
        }
        return counts;
    }

    /** Lower-cased words without accents; digits collapse to 0 so order numbers don't become features. */
    static List<String> words(String text) {
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String plain = Normalizer.normalize(cut.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('ß', 's');
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.isDigit(c) ? '0' : c);
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private void add(float[] counts, String feature, float weight) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            hash ^= feature.charAt(i);
            hash *= 0x01000193;
        }
        counts[hash & (dimensions - 1)] += weight;
    }
}
