package org.switchboard.plugins.assistant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * Answers without an LLM: a few phrasings per request type in English and German, filled only with facts from
 * records and passages. The phrasing is picked from the conversation id, so one conversation keeps its voice while
 * different customers do not all read the same sentence.
 */
final class ReplyTemplates {

    private ReplyTemplates() {
    }

    static String orderStatus(Language language, OrderEvidence evidence, int variant) {
        CustomerRecord order = evidence.record();
        String ref = order.reference();
        String status = order.status().isBlank() ? unknownStatus(language) : order.status();
        StringBuilder text = new StringBuilder();
        if (evidence.match() == OrderEvidence.Match.MOST_RECENT) {
            text.append(language == Language.DE
                    ? "Sie haben keine Bestellnummer genannt, daher habe ich Ihre letzte Bestellung angesehen. "
                    : "You did not mention an order number, so I looked at your most recent order. ");
        }
        text.append(pick(variant, language == Language.DE
                ? List.of("Der Status Ihrer Bestellung #%s lautet: %s.",
                        "Ich habe nachgesehen: Ihre Bestellung #%s hat den Status „%s“.")
                : List.of("Your order #%s is %s.",
                        "I checked order #%s for you: it is %s.",
                        "Here is the latest on your order #%s: %s.")).formatted(ref, status));
        Optional<String> carrier = OrderEvidence.detail(order, OrderEvidence.CARRIER_KEYS);
        Optional<String> tracking = OrderEvidence.detail(order, OrderEvidence.TRACKING_KEYS);
        Optional<String> url = OrderEvidence.detail(order, OrderEvidence.TRACKING_URL_KEYS);
        Optional<String> shipment = OrderEvidence.detail(order, List.of("shipment", "shipment status"));
        if (tracking.isPresent()) {
            if (language == Language.DE) {
                text.append(carrier.map(c -> " Versanddienstleister: " + c + ", Sendungsnummer ")
                        .orElse(" Sendungsnummer: ")).append(tracking.get()).append('.');
            } else {
                text.append(carrier.map(c -> " It was sent with " + c + ", tracking number ")
                        .orElse(" Tracking number: ")).append(tracking.get()).append('.');
            }
        } else if (carrier.isPresent()) {
            text.append(language == Language.DE ? " Versanddienstleister: " : " Carrier: ")
                    .append(carrier.get()).append('.');
        }
        shipment.ifPresent(s -> text.append(language == Language.DE ? " Letzte Sendungsmeldung: "
                : " Latest shipment update: ").append(s).append('.'));
        url.ifPresent(u -> text.append(language == Language.DE ? " Sendungsverfolgung: " : " Track it here: ")
                .append(u));
        amount(order).ifPresent(a -> text.append(language == Language.DE ? " Bestellwert: " : " Order total: ")
                .append(a).append('.'));
        return text.toString().strip();
    }

    static String refund(Language language, OrderEvidence evidence, int variant) {
        CustomerRecord record = evidence.record();
        StringBuilder text = new StringBuilder();
        if (evidence.match() == OrderEvidence.Match.MOST_RECENT) {
            text.append(language == Language.DE
                    ? "Sie haben keine Nummer genannt, daher habe ich Ihre letzte Erstattung angesehen. "
                    : "You did not mention an order number, so I looked at your most recent refund. ");
        }
        if (OrderEvidence.REFUND.equalsIgnoreCase(record.type())) {
            String order = OrderEvidence.detail(record, OrderEvidence.ORDER_KEYS)
                    .map(o -> (language == Language.DE ? " für Bestellung #" : " for order #")
                            + OrderEvidence.stripHash(o))
                    .orElse("");
            String amount = amount(record).map(a -> (language == Language.DE ? " über " : " of ") + a).orElse("");
            String status = record.status().isBlank() ? unknownStatus(language) : record.status();
            text.append(pick(variant, language == Language.DE
                    ? List.of("Ihre Erstattung %s%s%s hat den Status „%s“.",
                            "Ich habe nachgesehen: Die Erstattung %s%s%s hat den Status „%s“.")
                    : List.of("Your refund %s%s%s is %s.",
                            "I checked your refund %s%s%s: it is %s.")).formatted(record.reference(), order,
                    amount, status));
            OrderEvidence.detail(record, List.of("method", "refund method", "payment method"))
                    .ifPresent(m -> text.append(language == Language.DE ? " Erstattet auf: " : " Refunded to: ")
                            .append(m).append('.'));
        } else {
            String refund = OrderEvidence.detail(record, OrderEvidence.REFUND_KEYS).orElse(record.status());
            text.append(pick(variant, language == Language.DE
                    ? List.of("Zur Erstattung für Ihre Bestellung #%s: %s.",
                            "Ich habe nachgesehen: Erstattung für Bestellung #%s – %s.")
                    : List.of("The refund for your order #%s: %s.",
                            "I checked the refund for order #%s: %s.")).formatted(record.reference(), refund));
            if (!record.status().isBlank() && !record.status().equalsIgnoreCase(refund)) {
                text.append(language == Language.DE ? " Bestellstatus: " : " Order status: ")
                        .append(record.status()).append('.');
            }
        }
        return text.toString().strip();
    }

    static String knowledge(Language language, PassageEvidence evidence, int variant) {
        KnowledgePassage passage = evidence.passage();
        String excerpt = evidence.excerpt();
        String title = passage.title().isBlank() ? passage.sourceId() : passage.title();
        String more = passage.url() == null || passage.url().isBlank() ? ""
                : (language == Language.DE ? " Mehr dazu: " : " More: ") + passage.url();
        return pick(variant, language == Language.DE
                ? List.of("Laut unserem Artikel „%s“: %s%s",
                        "Dazu steht in „%s“: %s%s")
                : List.of("From our article “%s”: %s%s",
                        "Here is what our “%s” page says: %s%s",
                        "According to “%s”: %s%s")).formatted(title, excerpt, more).strip();
    }

    /** {@code 49.90 EUR}: as the source wrote it, never rounded. */
    static Optional<String> amount(CustomerRecord record) {
        BigDecimal amount = record.amount();
        if (amount == null) {
            return Optional.empty();
        }
        return Optional.of(amount.toPlainString() + (record.currency() == null ? "" : " " + record.currency()));
    }

    private static String unknownStatus(Language language) {
        return language == Language.DE ? "unbekannt" : "not known yet";
    }

    private static String pick(int variant, List<String> phrasings) {
        return phrasings.get(Math.floorMod(variant, phrasings.size()));
    }

    /** A stable phrasing choice for a conversation. */
    static int variant(String conversationId) {
        return Math.floorMod(conversationId.toLowerCase(Locale.ROOT).hashCode(), 6);
    }
}
