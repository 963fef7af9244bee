package org.switchboard.plugins.shoporders;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an order opens in the shop's back office, from the admin's template such as
 * {@code https://shop.example.com/admin/orders/{id}}: {@code {id}} is the shop's internal id (Shopify's admin
 * URLs use it), {@code {number}} the number customers quote, {@code {reference}} whichever the record shows.
 */
final class OrderLink {

    static final String ID = "id";
    static final String NUMBER = "number";
    static final String REFERENCE = "reference";
    private static final Set<String> PLACEHOLDERS = Set.of(ID, NUMBER, REFERENCE);

    private final String template;

    OrderLink(String template) {
        this.template = template;
    }

    /** What is wrong with a template, or {@code null}. */
    static String problem(String template) {
        List<String> unknown = Placeholders.namesIn(template).stream()
                .filter(name -> !PLACEHOLDERS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            return "unknown placeholder {" + unknown.getFirst() + "}: use {id}, {number} or {reference}";
        }
        URI sample = new OrderLink(template).to(Map.of(ID, "450789469", NUMBER, "1001", REFERENCE, "1001"));
        if (sample == null) {
            return "must be an absolute http(s) URL such as https://shop.example.com/admin/orders/{id}";
        }
        return null;
    }

    /** The link for one order, or {@code null} when the template does not make an absolute http(s) URL. */
    URI to(Map<String, String> order) {
        try {
            URI uri = new URI(Placeholders.fill(template, order));
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && Placeholders.namesIn(uri.toString()).isEmpty() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
