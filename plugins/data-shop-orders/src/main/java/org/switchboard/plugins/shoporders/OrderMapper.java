package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * One order of the shop's answer as a {@link CustomerRecord} of type {@code order}. Field names of Shopify's and
 * WooCommerce's order JSON and their camelCase twins are understood; unknown fields are ignored.
 */
final class OrderMapper {

    static final String TYPE = "order";

    /** Newest change first; WooCommerce's {@code *_gmt} before its site-local twins. */
    static final String[] UPDATED_AT = {"updated_at", "updatedAt", "date_modified_gmt", "date_modified",
            "created_at", "createdAt", "date_created_gmt", "date_created", "processed_at"};

    static final String ITEMS = "items";
    static final String TRACKING_NUMBER = "tracking number";
    static final String CARRIER = "carrier";
    static final String TRACKING_URL = "tracking URL";
    static final String SHIPMENT = "shipment";
    static final String REFUND = "refund";

    private final OrderLink orderLink;

    /** @param orderLink the admin's link template, or {@code null} */
    OrderMapper(OrderLink orderLink) {
        this.orderLink = orderLink;
    }

    /**
     * @param order the order object
     * @param index its position in the answer, for the message when it has no number
     * @throws CustomerDataException when it has no number or id at all
     */
    CustomerRecord map(JsonObject order, int index) throws CustomerDataException {
        // Shopify's "number" counts from 1 while customers quote "order_number" (1001): the latter wins
        Optional<String> number = JsonReads.text(order, "order_number", "orderNumber", "number");
        Optional<String> id = JsonReads.text(order, "id");
        String reference = number.or(() -> JsonReads.text(order, "reference")).or(() -> id)
                .map(OrderMapper::withoutHash)
                .orElseThrow(() -> new CustomerDataException("orders[" + index + "] in the shop's answer has no "
                        + "number, reference or id"));
        LineItems items = LineItems.of(order);
        Money total = Money.of(order, "total", "total_price", "totalPrice");
        Map<String, String> details = new HashMap<>();
        if (!items.isEmpty()) {
            details.put(ITEMS, items.all());
        }
        tracking(order, details);
        refund(order, total.currency()).ifPresent(refund -> details.put(REFUND, refund));
        return new CustomerRecord(TYPE, reference,
                "Order #" + reference + (items.isEmpty() ? "" : " — " + items.summary()),
                status(order).orElse(null),
                updatedAt(order),
                total.amount(), total.currency(),
                link(order, reference, id.orElse(reference), number.map(OrderMapper::withoutHash).orElse(reference)),
                details);
    }

    /** The shop's own {@code status} (WooCommerce), else Shopify's fulfilment and financial status combined. */
    static Optional<String> status(JsonObject order) {
        Optional<String> status = JsonReads.text(order, "status", "state");
        if (status.isPresent()) {
            return status.map(OrderMapper::words);
        }
        List<String> parts = new ArrayList<>();
        boolean cancelled = JsonReads.present(order, "cancelled_at");
        Optional<String> fulfillment = JsonReads.text(order, "fulfillment_status", "fulfillmentStatus");
        Optional<String> financial = JsonReads.text(order, "financial_status", "financialStatus");
        if (cancelled) {
            parts.add("cancelled");
        }
        if (fulfillment.isPresent()) {
            parts.add(words(fulfillment.get()));
        } else if (financial.isPresent() && !cancelled) {
            parts.add("unfulfilled"); // Shopify sends null until something ships
        }
        financial.map(OrderMapper::words).ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    /**
     * Tracking as top-level fields, else from Shopify's {@code fulfillments} (every tracking number of the
     * shipments not cancelled, the first tracking URL, the latest shipment status).
     */
    private static void tracking(JsonObject order, Map<String, String> details) {
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> carriers = new LinkedHashSet<>();
        String url = JsonReads.text(order, "tracking_url", "trackingUrl").orElse(null);
        String shipment = JsonReads.text(order, "shipment_status", "shipmentStatus").orElse(null);
        JsonReads.text(order, "tracking_number", "trackingNumber").ifPresent(numbers::add);
        JsonReads.text(order, "carrier", "tracking_company", "trackingCompany").ifPresent(carriers::add);
        if (numbers.isEmpty()) {
            for (JsonObject fulfillment : JsonReads.objects(order, "fulfillments", "shipments")) {
                String state = JsonReads.text(fulfillment, "status").orElse("").toLowerCase(Locale.ROOT);
                if (state.equals("cancelled") || state.equals("failure") || state.equals("error")) {
                    continue;
                }
                List<String> own = new ArrayList<>();
                JsonReads.array(fulfillment, "tracking_numbers").ifPresent(array -> array.forEach(value -> {
                    if (value.isString() && !value.asString().isBlank()) {
                        own.add(value.asString().strip());
                    }
                }));
                if (own.isEmpty()) {
                    JsonReads.text(fulfillment, "tracking_number", "trackingNumber").ifPresent(own::add);
                }
                numbers.addAll(own);
                JsonReads.text(fulfillment, "tracking_company", "carrier", "trackingCompany")
                        .ifPresent(carriers::add);
                if (url == null) {
                    url = JsonReads.text(fulfillment, "tracking_url", "trackingUrl").orElse(null);
                    if (url == null) {
                        url = JsonReads.array(fulfillment, "tracking_urls")
                                .filter(array -> !array.isEmpty() && array.get(0).isString())
                                .map(array -> array.get(0).asString()).orElse(null);
                    }
                }
                shipment = JsonReads.text(fulfillment, "shipment_status", "shipmentStatus").orElse(shipment);
            }
        }
        if (!numbers.isEmpty()) {
            details.put(TRACKING_NUMBER, String.join(", ", numbers));
        }
        if (!carriers.isEmpty()) {
            details.put(CARRIER, String.join(", ", carriers));
        }
        if (url != null && webUrl(url) != null) {
            details.put(TRACKING_URL, url);
        }
        if (shipment != null) {
            details.put(SHIPMENT, words(shipment));
        }
    }

    /**
     * Refunds in one line: {@code refund_status} and/or the {@code refunds} array, whose amounts are read from
     * {@code amount}, WooCommerce's negative {@code total}, or Shopify's successful refund transactions.
     */
    static Optional<String> refund(JsonObject order, String currency) {
        Optional<String> status = JsonReads.text(order, "refund_status", "refundStatus").map(OrderMapper::words);
        List<JsonObject> refunds = JsonReads.objects(order, "refunds");
        if (refunds.isEmpty()) {
            return status;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean allKnown = true;
        List<String> reasons = new ArrayList<>();
        for (JsonObject refund : refunds) {
            Optional<BigDecimal> amount = refundAmount(refund);
            if (amount.isPresent()) {
                sum = sum.add(amount.get());
            } else {
                allKnown = false;
            }
            JsonReads.text(refund, "reason", "note").ifPresent(reasons::add);
        }
        String summary = refunds.size() == 1
                ? (allKnown ? Money.format(sum, currency) : "1 refund")
                : refunds.size() + " refunds" + (allKnown ? ", " + Money.format(sum, currency) + " in total" : "");
        if (!reasons.isEmpty()) {
            summary += " (" + String.join("; ", reasons) + ")";
        }
        return Optional.of(status.map(s -> s + ": ").orElse("") + summary);
    }

    private static Optional<BigDecimal> refundAmount(JsonObject refund) {
        Optional<BigDecimal> direct = JsonReads.decimal(refund, "amount", "total");
        if (direct.isPresent()) {
            return direct.map(BigDecimal::abs); // WooCommerce writes refunds as negative totals
        }
        BigDecimal sum = null;
        for (JsonObject transaction : JsonReads.objects(refund, "transactions")) {
            String kind = JsonReads.text(transaction, "kind").orElse("refund");
            String status = JsonReads.text(transaction, "status").orElse("success");
            Optional<BigDecimal> amount = JsonReads.decimal(transaction, "amount");
            if (kind.equals("refund") && status.equals("success") && amount.isPresent()) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(amount.get().abs());
            }
        }
        return Optional.ofNullable(sum);
    }

    private URI link(JsonObject order, String reference, String id, String number) {
        if (orderLink != null) {
            return orderLink.to(Map.of(OrderLink.ID, id, OrderLink.NUMBER, number, OrderLink.REFERENCE, reference));
        }
        return ownLink(order);
    }

    /** A link the shop put into the object itself. */
    static URI ownLink(JsonObject object) {
        return JsonReads.text(object, "admin_url", "adminUrl", "url", "permalink").map(OrderMapper::webUrl)
                .orElse(null);
    }

    static URI webUrl(String text) {
        try {
            URI uri = new URI(text);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String withoutHash(String reference) {
        return reference.startsWith("#") && reference.length() > 1 ? reference.substring(1) : reference;
    }

    /** {@code partially_refunded} → {@code partially refunded}: statuses are shown to people. */
    static String words(String status) {
        return status.replace('_', ' ');
    }

    /** When it last changed, from the first readable of {@link #UPDATED_AT}. */
    static Instant updatedAt(JsonObject object) {
        return JsonReads.instant(object, UPDATED_AT).orElse(null);
    }
}
