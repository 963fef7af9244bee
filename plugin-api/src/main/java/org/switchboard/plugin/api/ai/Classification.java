package org.switchboard.plugin.api.ai;

import java.util.Map;
import java.util.Objects;

/**
 * A classifier's answer.
 *
 * @param label      the chosen label
 * @param confidence its probability, 0..1
 * @param scores     every label's probability
 * @param model      the model that decided
 * @since 0.4.0 (incubating)
 */
public record Classification(String label, double confidence, Map<String, Double> scores, ModelInfo model) {

    public Classification {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(model, "model");
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }
}
