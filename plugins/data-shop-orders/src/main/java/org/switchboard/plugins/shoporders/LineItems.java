package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What was bought, as "name × quantity": from {@code items} or {@code line_items} (Shopify, WooCommerce), whose
 * elements are objects with a {@code name} (Shopify's includes the variant) or {@code title}, or plain strings.
 *
 * @param lines one line per item, in the shop's order
 */
record LineItems(List<String> lines) {

    /** More are summarised as "+ N more", so one big order cannot push everything else off the panel. */
    static final int MAX_LISTED = 20;

    static LineItems of(JsonObject owner) {
        Optional<JsonArray> items = JsonReads.array(owner, "items", "line_items", "lineItems");
        List<String> lines = new ArrayList<>();
        items.ifPresent(array -> {
            for (JsonValue item : array) {
                line(item).ifPresent(lines::add);
            }
        });
        return new LineItems(List.copyOf(lines));
    }

    private static Optional<String> line(JsonValue item) {
        if (item.isString() && !item.asString().isBlank()) {
            return Optional.of(item.asString().strip());
        }
        if (!item.isObject()) {
            return Optional.empty();
        }
        JsonObject object = item.asObject();
        Optional<String> name = JsonReads.text(object, "name", "title", "product_name", "productName", "sku");
        Optional<BigDecimal> quantity = JsonReads.decimal(object, "quantity", "qty");
        return name.map(n -> quantity.map(q -> n + " × " + q.stripTrailingZeros().toPlainString()).orElse(n));
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Every item (up to {@link #MAX_LISTED}), for the details. */
    String all() {
        if (lines.size() <= MAX_LISTED) {
            return String.join(", ", lines);
        }
        return String.join(", ", lines.subList(0, MAX_LISTED)) + " + " + (lines.size() - MAX_LISTED) + " more";
    }

    /** The first item and how many more, for a one-line title. */
    String summary() {
        return lines.getFirst() + (lines.size() > 1 ? " + " + (lines.size() - 1) + " more" : "");
    }
}
