package org.switchboard.plugins.textclassifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * Checks an admin's examples before any training starts, so a bad upload is refused at once with a message saying
 * what to fix (and nothing changes).
 */
final class TrainingExamples {

    /** Fewer than this per label and the held-out figures mean nothing (20% of 10 is 2 messages). */
    static final int MIN_PER_LABEL = 10;
    static final int MAX_EXAMPLES = 100_000;
    static final int MAX_LABELS = 100;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private TrainingExamples() {
    }

    /**
     * The examples with labels trimmed and lower-cased, blank texts refused.
     *
     * @return the cleaned examples
     * @throws AiException naming the first problem
     */
    static List<LabelledText> validate(List<LabelledText> examples) throws AiException {
        if (examples == null || examples.isEmpty()) {
            throw new AiException("No training examples: upload a CSV with the columns text,label");
        }
        if (examples.size() > MAX_EXAMPLES) {
            throw new AiException("Too many examples: " + examples.size() + ", at most " + MAX_EXAMPLES);
        }
        List<LabelledText> clean = new ArrayList<>(examples.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            LabelledText example = examples.get(i);
            String label = example.label().strip().toLowerCase(Locale.ROOT);
            if (example.text().isBlank()) {
                throw new AiException("Example " + (i + 1) + " has no text");
            }
            if (!LABEL.matcher(label).matches()) {
                throw new AiException("Example " + (i + 1) + " has the label \"" + example.label()
                        + "\": labels are 1-64 characters of a-z, 0-9, _ and -, starting with a letter or digit");
            }
            counts.merge(label, 1, Integer::sum);
            clean.add(new LabelledText(example.text().strip(), label));
        }
        if (counts.size() < 2) {
            throw new AiException("Training needs at least 2 labels; the examples only have " + counts.keySet());
        }
        if (counts.size() > MAX_LABELS) {
            throw new AiException("Too many labels: " + counts.size() + ", at most " + MAX_LABELS);
        }
        List<String> thin = counts.entrySet().stream().filter(e -> e.getValue() < MIN_PER_LABEL)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!thin.isEmpty()) {
            throw new AiException("Every label needs at least " + MIN_PER_LABEL + " examples; too few for "
                    + String.join(", ", thin));
        }
        return clean;
    }

    /** The labels, sorted (the order of the network's outputs). */
    static List<String> labels(List<LabelledText> examples) {
        return examples.stream().map(LabelledText::label).distinct().sorted().toList();
    }
}
