package org.switchboard.plugin.api.customer;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing an external system knows about a customer: an order, a subscription, a refund, a ticket.
 *
 * @param type      what it is, lower-case ({@code order}, {@code subscription}, {@code refund}, ...)
 * @param reference the id people quote (e.g. {@code 4827} for order #4827)
 * @param title     a one-line description
 * @param status    its current status in the source system's words (e.g. {@code shipped})
 * @param updatedAt when it last changed, or {@code null}
 * @param amount    its amount, or {@code null}
 * @param currency  ISO 4217 code of the amount, or {@code null}
 * @param link      where to open it in the source system, or {@code null}
 * @param details   further facts (carrier, tracking number, items), shown as a list
 * @since 0.3.0 (incubating)
 */
public record CustomerRecord(String type, String reference, String title, String status, Instant updatedAt,
        BigDecimal amount, String currency, URI link, Map<String, String> details) {

    public CustomerRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        title = title == null ? "" : title;
        status = status == null ? "" : status;
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
