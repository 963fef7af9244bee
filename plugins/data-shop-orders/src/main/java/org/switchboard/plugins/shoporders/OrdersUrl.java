package org.switchboard.plugins.shoporders;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.plugin.api.customer.CustomerLookup;

/**
 * The orders request of one configuration: the shop's base URL and the admin's path template, e.g.
 * {@code /orders?email={email}&phone={phone}}.
 *
 * <p>A customer rarely has every identity, so a query parameter whose value is only an unknown identity is left out
 * ({@code email=&phone=%2B49…} would make many shops search for orders without an email). A lookup in which no
 * identity placeholder has a value is not sent at all: without a filter the shop would answer with other customers'
 * orders.
 */
final class OrdersUrl {

    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String CUSTOMER_ID = "customerId";
    static final String LIMIT = "limit";

    /** The placeholders that say who the customer is; at least one must be in the template. */
    static final Set<String> IDENTITY_PLACEHOLDERS = Set.of(EMAIL, PHONE, CUSTOMER_ID);
    private static final Set<String> ALL_PLACEHOLDERS = Set.of(EMAIL, PHONE, CUSTOMER_ID, LIMIT);

    private final String baseUrl;
    private final String path;
    private final String query;

    /**
     * @param baseUrl  absolute http(s) URL without a trailing slash
     * @param template a path template, with or without a query, checked by {@link #problem(String)}; a query
     *                 parameter is sent only when all its placeholders have values
     */
    OrdersUrl(String baseUrl, String template) {
        this.baseUrl = baseUrl;
        String withSlash = template.startsWith("/") ? template : "/" + template;
        int question = withSlash.indexOf('?');
        this.path = question < 0 ? withSlash : withSlash.substring(0, question);
        this.query = question < 0 ? null : withSlash.substring(question + 1);
    }

    /** What is wrong with a path template, or {@code null}. */
    static String problem(String template) {
        Set<String> names = Placeholders.namesIn(template);
        List<String> unknown = names.stream().filter(name -> !ALL_PLACEHOLDERS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            return "unknown placeholder {" + unknown.getFirst() + "}: use {email}, {phone}, {customerId} or {limit}";
        }
        if (names.stream().noneMatch(IDENTITY_PLACEHOLDERS::contains)) {
            return "must contain {email}, {phone} or {customerId}, or the shop would answer every lookup with "
                    + "the same orders";
        }
        if (template.contains("#")) {
            return "must not contain a fragment (#)";
        }
        try {
            new OrdersUrl("https://shop.example.com", template).expand(
                    Map.of(EMAIL, "a@example.com", PHONE, "+491", CUSTOMER_ID, "c1"), 1);
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a valid URL path: " + e.getMessage();
        }
    }

    /**
     * The URL for one customer (first email, first phone, the host's id), or empty when the template's identities
     * are all unknown for this customer.
     */
    Optional<URI> forCustomer(CustomerLookup customer, int limit) {
        Map<String, String> values = new HashMap<>();
        customer.email().ifPresent(email -> values.put(EMAIL, email));
        customer.phone().ifPresent(phone -> values.put(PHONE, phone));
        values.put(CUSTOMER_ID, customer.customerId());
        return expand(values, limit);
    }

    private Optional<URI> expand(Map<String, String> identities, int limit) {
        Map<String, String> values = new HashMap<>(identities);
        values.values().removeIf(String::isBlank);
        values.put(LIMIT, Integer.toString(limit));
        boolean identified = false;
        for (String name : Placeholders.namesIn(path)) {
            if (IDENTITY_PLACEHOLDERS.contains(name)) {
                if (!values.containsKey(name)) {
                    return Optional.empty(); // a path segment cannot be left out
                }
                identified = true;
            }
        }
        List<String> parameters = new ArrayList<>();
        if (query != null) {
            for (String parameter : query.split("&")) {
                Set<String> names = Placeholders.namesIn(parameter);
                if (names.stream().anyMatch(name -> !values.containsKey(name))) {
                    continue;
                }
                identified |= names.stream().anyMatch(IDENTITY_PLACEHOLDERS::contains);
                if (!parameter.isEmpty()) {
                    parameters.add(Placeholders.fill(parameter, values));
                }
            }
        }
        if (!identified) {
            return Optional.empty();
        }
        String url = baseUrl + Placeholders.fill(path, values)
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        return Optional.of(URI.create(url));
    }

    /** Without the query: an admin may have put a credential there (WooCommerce accepts keys as parameters). */
    @Override
    public String toString() {
        return baseUrl + path;
    }
}
