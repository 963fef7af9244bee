package org.switchboard.plugins.shoporders;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerDataSource;
import org.switchboard.plugin.api.customer.CustomerLookup;
import org.switchboard.plugin.api.customer.CustomerRecord;
import org.switchboard.plugin.api.customer.CustomerRecords;

/**
 * One configured shop: each lookup is one GET request, mapped to at most {@code maxOrders} orders and as many
 * subscriptions, newest change first (records without a date last, in the shop's order).
 */
final class ShopOrdersSource implements CustomerDataSource {

    private static final Comparator<CustomerRecord> NEWEST_FIRST = Comparator.comparing(CustomerRecord::updatedAt,
            Comparator.nullsLast(Comparator.reverseOrder()));

    private final ShopSettings settings;
    private final ShopClient client;
    private final OrderMapper orders;
    private final System.Logger log;

    ShopOrdersSource(ShopSettings settings, ShopClient client, System.Logger log) {
        this.settings = settings;
        this.client = client;
        this.orders = new OrderMapper(settings.orderLink());
        this.log = log;
    }

    @Override
    public CustomerRecords lookup(CustomerLookup customer) throws CustomerDataException {
        Optional<URI> url = settings.ordersUrl().forCustomer(customer, settings.maxOrders());
        if (url.isEmpty()) {
            return CustomerRecords.NONE; // asking without a filter would return other customers' orders
        }
        try {
            return records(ShopAnswer.parse(client.get(url.get())));
        } catch (CustomerDataException e) {
            // the URL carries the customer's email, so only the configured endpoint is logged
            log.log(System.Logger.Level.WARNING, "order lookup at " + settings.ordersUrl() + " failed: "
                    + e.getMessage());
            throw e;
        }
    }

    private CustomerRecords records(ShopAnswer answer) throws CustomerDataException {
        List<CustomerRecord> found = new ArrayList<>();
        for (int i = 0; i < answer.orders().size(); i++) {
            found.add(orders.map(answer.orders().get(i), i));
        }
        List<CustomerRecord> subscriptions = new ArrayList<>();
        for (int i = 0; i < answer.subscriptions().size(); i++) {
            subscriptions.add(SubscriptionMapper.map(answer.subscriptions().get(i), i));
        }
        List<CustomerRecord> records = new ArrayList<>(newest(found));
        records.addAll(newest(subscriptions));
        records.sort(NEWEST_FIRST);
        return new CustomerRecords(records);
    }

    private List<CustomerRecord> newest(List<CustomerRecord> records) {
        return records.stream().sorted(NEWEST_FIRST).limit(settings.maxOrders()).toList();
    }

    @Override
    public String toString() {
        return "ShopOrdersSource[" + settings + "]";
    }
}
