package com.example.switchboard.mood;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.ConversationSnapshot;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;

/**
 * Tells upset customers from happy ones by counting words. A stand-in for a real model: the portal raises the
 * priority of a conversation whose latest message is {@code negative} with a confidence of at least
 * {@code switchboard.ai.negative-sentiment-at} (0.7 by default), and records every classification with the model
 * that made it.
 *
 * <p>Stateless and thread-safe: the portal calls it from its AI worker, one message at a time, and may call it
 * again for the same message.
 */
@Extension
public class KeywordMoodClassifier implements MessageClassifier {

    private static final ModelInfo MODEL = new ModelInfo("keyword-mood", "1.0.0");
    private static final Set<String> NEGATIVE = Set.of("angry", "awful", "broken", "cancel", "disappointed",
            "furious", "refund", "terrible", "unacceptable", "useless", "worst");
    private static final Set<String> POSITIVE = Set.of("awesome", "excellent", "great", "happy", "love",
            "perfect", "thank", "thanks", "wonderful");

    @Override
    public String id() {
        return "example-mood"; // stored with every decision: never rename it
    }

    @Override
    public Task task() {
        return Task.SENTIMENT;
    }

    @Override
    public ModelInfo model() {
        return MODEL;
    }

    @Override
    public List<String> labels() {
        return List.of("negative", "neutral", "positive");
    }

    @Override
    public Classification classify(String text, ConversationSnapshot conversation) {
        int negative = 0;
        int positive = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (NEGATIVE.contains(word)) {
                negative++;
            } else if (POSITIVE.contains(word)) {
                positive++;
            }
        }
        // Each net keyword makes the mood more certain: one 0.7, two 0.8, capped at 0.95.
        int net = Math.abs(negative - positive);
        double confidence = net == 0 ? 0.6 : Math.min(0.95, 0.6 + 0.1 * net);
        String label = negative > positive ? "negative" : positive > negative ? "positive" : "neutral";
        double rest = (1 - confidence) / 2;
        Map<String, Double> scores = Map.of(
                "negative", label.equals("negative") ? confidence : rest,
                "neutral", label.equals("neutral") ? confidence : rest,
                "positive", label.equals("positive") ? confidence : rest);
        return new Classification(label, confidence, scores, MODEL);
    }
}
