package org.switchboard.plugins.textclassifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy and F1 of predictions against the true labels.
 *
 * @param accuracy   share predicted right
 * @param macroF1    mean of the per-label F1 (every label counts the same, however rare)
 * @param perLabelF1 F1 of each label (0 for a label that is never predicted right)
 */
public record Evaluation(double accuracy, double macroF1, Map<String, Double> perLabelF1) {

    public Evaluation {
        perLabelF1 = Map.copyOf(perLabelF1);
    }

    /**
     * Scores predictions.
     *
     * @param labels    every label to report on
     * @param truth     the true label of each example
     * @param predicted the predicted label of each example, same order
     * @return the scores
     */
    public static Evaluation of(List<String> labels, List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size() || truth.isEmpty()) {
            throw new IllegalArgumentException("need as many predictions as true labels, at least one");
        }
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                right++;
            }
        }
        Map<String, Double> f1 = new LinkedHashMap<>();
        double sum = 0;
        for (String label : labels) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean isTrue = truth.get(i).equals(label);
                boolean isPredicted = predicted.get(i).equals(label);
                if (isTrue && isPredicted) {
                    tp++;
                } else if (isPredicted) {
                    fp++;
                } else if (isTrue) {
                    fn++;
                }
            }
            double score = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            f1.put(label, score);
            sum += score;
        }
        return new Evaluation((double) right / truth.size(), sum / labels.size(), f1);
    }
}
