package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.JsonObject;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * One element of a {@code subscriptions} array beside the orders as a {@link CustomerRecord} of type
 * {@code subscription}. Field names of WooCommerce Subscriptions ({@code billing_period}, {@code next_payment_date})
 * and Recharge-like APIs ({@code order_interval_unit}, {@code next_charge_scheduled_at}) are understood.
 */
final class SubscriptionMapper {

    static final String TYPE = "subscription";
    static final String NEXT_PAYMENT = "next payment";
    static final String INTERVAL = "interval";

    private SubscriptionMapper() {
    }

    static CustomerRecord map(JsonObject subscription, int index) throws CustomerDataException {
        String reference = JsonReads.text(subscription, "number", "reference", "id")
                .map(OrderMapper::withoutHash)
                .orElseThrow(() -> new CustomerDataException("subscriptions[" + index + "] in the shop's answer "
                        + "has no number, reference or id"));
        LineItems items = LineItems.of(subscription);
        Optional<String> what = plan(subscription).or(() -> items.isEmpty() ? Optional.empty()
                : Optional.of(items.summary()));
        Map<String, String> details = new HashMap<>();
        if (!items.isEmpty()) {
            details.put(OrderMapper.ITEMS, items.all());
        }
        JsonReads.instant(subscription, "next_payment_date", "next_payment_date_gmt", "next_billing_date",
                        "next_charge_scheduled_at", "nextPaymentDate", "next_payment_at", "current_period_end")
                .ifPresent(next -> details.put(NEXT_PAYMENT, next.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        interval(subscription).ifPresent(interval -> details.put(INTERVAL, interval));
        Money price = Money.of(subscription, "total", "price", "amount", "total_price");
        return new CustomerRecord(TYPE, reference,
                "Subscription #" + reference + what.map(w -> " — " + w).orElse(""),
                JsonReads.text(subscription, "status", "state").map(OrderMapper::words).orElse(null),
                OrderMapper.updatedAt(subscription),
                price.amount(), price.currency(),
                OrderMapper.ownLink(subscription),
                details);
    }

    private static Optional<String> plan(JsonObject subscription) {
        return JsonReads.object(subscription, "plan").flatMap(plan -> JsonReads.text(plan, "name", "nickname"))
                .or(() -> JsonReads.text(subscription, "plan", "product_title", "product_name", "productName",
                        "name", "title"));
    }

    /** "every 1 month" from WooCommerce's or Recharge's interval fields, or a plain {@code interval}. */
    private static Optional<String> interval(JsonObject subscription) {
        Optional<String> unit = JsonReads.text(subscription, "billing_period", "order_interval_unit");
        if (unit.isPresent()) {
            return Optional.of("every " + JsonReads.text(subscription, "billing_interval",
                    "order_interval_frequency").orElse("1") + " " + unit.get());
        }
        return JsonReads.text(subscription, "interval", "billing_cycle");
    }
}
