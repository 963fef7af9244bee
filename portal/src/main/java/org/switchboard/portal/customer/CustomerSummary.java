package org.switchboard.portal.customer;

import java.time.Instant;

/**
 * A customer in a list or search result.
 *
 * @param id          customer id
 * @param displayName name, or null when never told
 * @param createdAt   first seen
 */
public record CustomerSummary(long id, String displayName, Instant createdAt) {

    static CustomerSummary of(Customer c) {
        return new CustomerSummary(c.getId(), c.getDisplayName(), c.getCreatedAt());
    }
}
