package org.switchboard.portal.customer;

import java.time.Instant;
import java.util.List;

/**
 * A customer as the 360 view's header shows them.
 *
 * @param id          the customer id
 * @param displayName the name, or {@code null} when never given
 * @param identities  every identity, in the order they were linked
 * @param createdAt   when the customer first wrote
 */
public record CustomerCard(long id, String displayName, List<NormalizedIdentity> identities, Instant createdAt) {

    /** The name, or a stable fallback. */
    public String name() {
        return displayName == null || displayName.isBlank() ? "Customer #" + id : displayName;
    }
}
