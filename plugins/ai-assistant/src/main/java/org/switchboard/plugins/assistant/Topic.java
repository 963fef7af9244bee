package org.switchboard.plugins.assistant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.ai.Classification;

/**
 * What the customer asks about, as far as the assistant is concerned: from the intent classifier when it is sure
 * enough, else from keywords (also when no classifier is installed).
 */
enum Topic {
    /** Where an order is: answered from the customer's order records. */
    ORDER_STATUS("order status"),
    /** Where a refund is: answered from refund records or an order's refund details. */
    REFUND("refund"),
    /** Policies and how-tos (returns, shipping, products, billing, account): answered from knowledge passages. */
    KNOWLEDGE("question"),
    /** A complaint: always a person's job. */
    COMPLAINT("complaint"),
    /** Anything else: escalated. */
    OTHER("other request");

    /** Below this the classifier's label is only a hint and keywords may overrule it. */
    static final double SURE_INTENT = 0.5;

    private static final Pattern REFUND_WORDS = Pattern.compile(
            "\\b(refund\\w*|money back|reimburs\\w*|(?:rück)?erstattung\\w*|geld zurück|gutschrift|"
                    + "rembours\\w*|reembolso\\w*)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ORDER_WORDS = Pattern.compile(
            "\\b(where is my|where'?s my|track(?:ing)?|shipped|dispatched|arrive|arriving|delivery status|"
                    + "status of my|order status|package|parcel|wo ist|wo bleibt|sendung|paket|"
                    + "sendungsverfolgung|versandstatus|où est|ma commande|suivi|dónde está|mi pedido)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern KNOWLEDGE_WORDS = Pattern.compile(
            "\\b(return\\w*|send (?:it )?back|exchange|policy|shipping|ship to|deliver to|delivery times?|"
                    + "how long|warranty|guarantee|size chart|payment methods?|invoice|opening hours|"
                    + "rücksend\\w*|zurückschicken|umtausch|widerruf\\w*|versand\\w*|lieferzeit\\w*|garantie|"
                    + "rechnung|zahlungsart\\w*|retour\\w*|livraison|échange|devoluci\\w*|envío)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    /** For summaries and reasons. */
    String label() {
        return label;
    }

    /**
     * The topic and whether it came from a sure classifier.
     *
     * @param intent the classifier's answer, or {@code null}
     * @param text   the customer's latest message
     */
    static Resolved resolve(Classification intent, String text) {
        Optional<Topic> fromWords = fromWords(text);
        if (intent != null) {
            Topic fromLabel = fromLabel(intent.label());
            boolean sure = intent.confidence() >= SURE_INTENT;
            if (fromLabel == OTHER && fromWords.isPresent() && fromWords.get() != COMPLAINT) {
                // "other" is the classifier giving up; the words may still name a routine request
                return new Resolved(fromWords.get(), false, fromWords.get() == fromLabel);
            }
            if (sure || fromWords.isEmpty()) {
                return new Resolved(fromLabel, sure, fromWords.map(w -> w == fromLabel).orElse(false));
            }
            return new Resolved(fromWords.get(), false, fromWords.get() == fromLabel);
        }
        return new Resolved(fromWords.orElse(OTHER), false, false);
    }

    /** The shipped intent labels of ai-intent, plus a few obvious synonyms other classifiers may use. */
    static Topic fromLabel(String label) {
        return switch (label.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "order_status", "order", "tracking", "where_is_my_order", "delivery_status" -> ORDER_STATUS;
            case "refund", "refund_status" -> REFUND;
            case "return", "returns", "return_policy", "product_question", "shipping", "billing", "account",
                 "faq", "policy", "delivery" -> KNOWLEDGE;
            case "complaint" -> COMPLAINT;
            default -> OTHER;
        };
    }

    /** Keyword topic; a refund word beats order words ("refund for order #1"), order words beat policy words. */
    static Optional<Topic> fromWords(String text) {
        if (CustomerText.complains(text)) {
            return Optional.of(COMPLAINT);
        }
        if (REFUND_WORDS.matcher(text).find()) {
            return Optional.of(REFUND);
        }
        boolean order = ORDER_WORDS.matcher(text).find();
        boolean knowledge = KNOWLEDGE_WORDS.matcher(text).find();
        if (order && !knowledge) {
            return Optional.of(ORDER_STATUS);
        }
        if (knowledge) {
            return Optional.of(KNOWLEDGE);
        }
        if (!CustomerText.orderNumbers(text).isEmpty()) {
            return Optional.of(ORDER_STATUS);
        }
        return Optional.empty();
    }

    /**
     * @param topic        what the request is about
     * @param fromSureLabel whether a classifier said so with at least {@link #SURE_INTENT}
     * @param wordsAgree   whether the keywords point the same way
     */
    record Resolved(Topic topic, boolean fromSureLabel, boolean wordsAgree) {
    }
}
