package org.switchboard.plugin.api.ai;

import java.util.Map;

/**
 * The outcome of training a candidate model, shown to the admin before it is activated.
 *
 * @param candidate       the candidate's model info (to activate it)
 * @param trainingCount   examples trained on
 * @param heldOutCount    examples held out for evaluation
 * @param heldOutAccuracy accuracy on the held-out examples, 0..1
 * @param macroF1         macro-averaged F1 on the held-out examples, 0..1
 * @param perLabelF1      F1 per label on the held-out examples
 * @since 0.4.0 (incubating)
 */
public record TrainingReport(ModelInfo candidate, int trainingCount, int heldOutCount, double heldOutAccuracy,
        double macroF1, Map<String, Double> perLabelF1) {

    public TrainingReport {
        perLabelF1 = perLabelF1 == null ? Map.of() : Map.copyOf(perLabelF1);
    }
}
