package org.switchboard.plugins.assistant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * The customer's order (or refund) a question is about, and how sure the match is.
 *
 * @param record    the record, or {@code null} when none fits
 * @param match     how it was found
 * @param mentioned the numbers the customer quoted (for summaries and the unknown-order reason)
 */
record OrderEvidence(CustomerRecord record, Match match, List<String> mentioned) {

    /** How a record was chosen; the evidence weight goes into the confidence (see {@link Confidence}). */
    enum Match {
        /** The customer quoted its number in the latest message. */
        QUOTED(0.95),
        /** The customer quoted its number earlier in the conversation ("and where is it now?"). */
        QUOTED_EARLIER(0.9),
        /** Not quoted, but it is the customer's only candidate. */
        ONLY_ONE(0.85),
        /** Not quoted: the most recent of several candidates, a guess. */
        MOST_RECENT(0.6),
        /** The customer quoted a number that is not among their records. */
        UNKNOWN(0),
        /** The customer has no such records. */
        NONE(0);

        private final double weight;

        Match(double weight) {
            this.weight = weight;
        }

        double weight() {
            return weight;
        }
    }

    static final String ORDER = "order";
    static final String REFUND = "refund";

    /** Details keys of data-shop-orders and common alternatives, looked up case-insensitively. */
    static final List<String> CARRIER_KEYS = List.of("carrier", "tracking company", "shipping carrier", "courier");
    static final List<String> TRACKING_KEYS = List.of("tracking number", "tracking", "tracking_number",
            "trackingNumber", "tracking no");
    static final List<String> TRACKING_URL_KEYS = List.of("tracking URL", "tracking_url", "trackingUrl",
            "tracking link");
    static final List<String> REFUND_KEYS = List.of("refund", "refund status", "refund_status", "refunds");
    static final List<String> ORDER_KEYS = List.of("order", "order number", "order_number", "orderNumber");

    /**
     * The order a question is about: the one quoted in the latest message, else one quoted earlier, else the
     * customer's only or most recent order.
     *
     * @param latest  the latest customer message
     * @param earlier earlier customer messages, newest first
     * @param records all the customer's records, newest first
     */
    static OrderEvidence forOrder(String latest, List<String> earlier, List<CustomerRecord> records) {
        return find(latest, earlier, ofType(records, ORDER));
    }

    /**
     * The refund a question is about: a {@code refund} record or an order carrying refund details, chosen the
     * same way (a quoted number may be the order's or the refund's own).
     */
    static OrderEvidence forRefund(String latest, List<String> earlier, List<CustomerRecord> records) {
        List<CustomerRecord> candidates = new ArrayList<>();
        for (CustomerRecord record : records) {
            if (REFUND.equalsIgnoreCase(record.type()) || hasRefund(record)) {
                candidates.add(record);
            }
        }
        return find(latest, earlier, candidates);
    }

    /** Whether a record carries refund facts. */
    static boolean hasRefund(CustomerRecord record) {
        return detail(record, REFUND_KEYS).isPresent()
                || record.status().toLowerCase(Locale.ROOT).contains("refund");
    }

    private static OrderEvidence find(String latest, List<String> earlier, List<CustomerRecord> candidates) {
        List<String> quoted = CustomerText.orderNumbers(latest);
        Optional<CustomerRecord> named = named(latest, candidates);
        if (named.isPresent()) {
            return new OrderEvidence(named.get(), Match.QUOTED, withReference(quoted, named.get()));
        }
        if (!quoted.isEmpty()) {
            return new OrderEvidence(null, Match.UNKNOWN, quoted);
        }
        for (String text : earlier) {
            Optional<CustomerRecord> before = named(text, candidates);
            if (before.isPresent()) {
                return new OrderEvidence(before.get(), Match.QUOTED_EARLIER, List.of(before.get().reference()));
            }
            List<String> quotedBefore = CustomerText.orderNumbers(text);
            if (!quotedBefore.isEmpty()) {
                return new OrderEvidence(null, Match.UNKNOWN, quotedBefore);
            }
        }
        if (candidates.isEmpty()) {
            return new OrderEvidence(null, Match.NONE, List.of());
        }
        if (candidates.size() == 1) {
            return new OrderEvidence(candidates.getFirst(), Match.ONLY_ONE, List.of());
        }
        return new OrderEvidence(mostRecent(candidates), Match.MOST_RECENT, List.of());
    }

    /**
     * A record whose reference, order number or tracking number the text names; the longest reference wins.
     * Tracking numbers count: "JJD000390007, where is it?" names its order as surely as its number does.
     */
    private static Optional<CustomerRecord> named(String text, List<CustomerRecord> candidates) {
        return candidates.stream()
                .filter(r -> CustomerText.mentions(text, r.reference())
                        || detail(r, ORDER_KEYS).map(number -> CustomerText.mentions(text, stripHash(number)))
                                .orElse(false)
                        || detail(r, TRACKING_KEYS).map(tracking -> List.of(tracking.split(",\\s*")).stream()
                                .anyMatch(t -> t.length() >= 6 && CustomerText.mentions(text, t))).orElse(false))
                .max(Comparator.comparingInt(r -> r.reference().length()));
    }

    private static List<String> withReference(List<String> quoted, CustomerRecord record) {
        List<String> all = new ArrayList<>(quoted);
        if (all.stream().noneMatch(q -> q.equalsIgnoreCase(record.reference()))) {
            all.add(record.reference());
        }
        return List.copyOf(all);
    }

    /** Newest by {@code updatedAt}; records without one keep the source's newest-first order. */
    private static CustomerRecord mostRecent(List<CustomerRecord> candidates) {
        CustomerRecord best = candidates.getFirst();
        for (CustomerRecord record : candidates) {
            Instant at = record.updatedAt();
            if (at != null && (best.updatedAt() == null || at.isAfter(best.updatedAt()))) {
                best = record;
            }
        }
        return best;
    }

    static List<CustomerRecord> ofType(List<CustomerRecord> records, String type) {
        return records.stream().filter(r -> r.type().equalsIgnoreCase(type)).toList();
    }

    /** A detail by any of the given keys, case-insensitively, if not blank. */
    static Optional<String> detail(CustomerRecord record, List<String> keys) {
        for (String key : keys) {
            for (Map.Entry<String, String> entry : record.details().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(key) && entry.getValue() != null && !entry.getValue().isBlank()) {
                    return Optional.of(entry.getValue().strip());
                }
            }
        }
        return Optional.empty();
    }

    static String stripHash(String reference) {
        return reference.startsWith("#") ? reference.substring(1) : reference;
    }

    boolean found() {
        return record != null;
    }
}
