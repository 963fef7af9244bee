package org.switchboard.plugins.assistant;

import java.util.Locale;
import org.switchboard.plugin.api.ai.Classification;

/**
 * How sure an answer is, from the evidence behind it. The formula (also in the README):
 *
 * <pre>
 * confidence = evidence × intentFactor × moodFactor, rounded to two decimals, at most 0.95
 *
 * evidence (records)  = 0.95 order/refund quoted by number in the latest message
 *                       0.90 quoted earlier in the conversation
 *                       0.85 the customer's only candidate record
 *                       0.60 the most recent of several records (a guess)
 * evidence (passages) = min(0.9, 0.45 + 0.35 × coverage + 0.2 × margin)
 *                       coverage: share of the question's content words in the passage (≥ 0.3 to answer at all)
 *                       margin: (score − runner-up score) / score of the retriever, 0..1 (1 when alone)
 * intentFactor        = 0.5 + 0.5 × c   where c = the classifier's confidence when its label was used,
 *                                       c + 0.1 (≤ 1) when the keywords agree with it,
 *                                       0.6 when only keywords decided (no classifier, or an unsure one)
 * moodFactor          = 1 − 0.5 × n     where n = the sentiment classifier's confidence in "negative"
 *                                       (1 when not negative or unknown; ≥ 0.7 negative escalates instead)
 * </pre>
 *
 * A guess can therefore never reach 1.0: even a perfect classifier leaves a most-recent-order guess at 0.6.
 */
final class Confidence {

    /** Negative sentiment at least this sure escalates instead of lowering the confidence. */
    static final double NEGATIVE_ESCALATES = 0.7;

    static final double KEYWORDS_ONLY = 0.6;

    private static final double CAP = 0.95;

    private Confidence() {
    }

    static double forRecord(OrderEvidence evidence, Topic.Resolved topic, Classification intent,
            Classification sentiment) {
        return combine(evidence.match().weight(), topic, intent, sentiment);
    }

    static double forPassage(PassageEvidence evidence, Topic.Resolved topic, Classification intent,
            Classification sentiment) {
        double weight = Math.min(0.9, 0.45 + 0.35 * evidence.coverage() + 0.2 * evidence.margin());
        return combine(weight, topic, intent, sentiment);
    }

    private static double combine(double evidence, Topic.Resolved topic, Classification intent,
            Classification sentiment) {
        double c;
        if (intent != null && topic.fromSureLabel()) {
            c = Math.min(1, intent.confidence() + (topic.wordsAgree() ? 0.1 : 0));
        } else {
            c = KEYWORDS_ONLY;
        }
        double value = evidence * (0.5 + 0.5 * c) * (1 - 0.5 * negativity(sentiment));
        return Math.min(CAP, Math.round(value * 100) / 100.0);
    }

    /** The sentiment classifier's confidence that the message is negative, 0 when it says otherwise. */
    static double negativity(Classification sentiment) {
        if (sentiment == null) {
            return 0;
        }
        if (isNegative(sentiment.label())) {
            return sentiment.confidence();
        }
        return 0;
    }

    static boolean isNegative(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("negative") || l.equals("neg") || l.equals("angry") || l.equals("very_negative");
    }
}
