package org.switchboard.portal.customer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one ingest transaction knows about identities: the owners it looked up in one query before storing a batch
 * of messages, and the identities it linked itself since. Resolving against it sees the batch's own pending rows
 * (two messages of one new visitor in one batch become one customer) without a query per message.
 *
 * <p>An identity it has not looked up is looked up by the resolver as before. Valid for one transaction only: the
 * customers it holds are that transaction's entities.
 */
public final class KnownIdentities {

    private final Set<NormalizedIdentity> lookedUp = new HashSet<>();
    private final Map<NormalizedIdentity, Customer> owners = new HashMap<>();

    /** Knows nothing: every identity is looked up when resolved. */
    public KnownIdentities() {
    }

    boolean covers(NormalizedIdentity identity) {
        return lookedUp.contains(identity);
    }

    Optional<Customer> owner(NormalizedIdentity identity) {
        return Optional.ofNullable(owners.get(identity));
    }

    /** Records what a look-up found: the owner, or {@code null} for an identity nobody has yet. */
    void found(NormalizedIdentity identity, Customer owner) {
        lookedUp.add(identity);
        if (owner != null) {
            owners.put(identity, owner);
        }
    }

    /** The customers found owning a looked-up identity (for the next look-ups of the batch). */
    public Set<Long> customerIds() {
        Set<Long> ids = new HashSet<>();
        owners.values().forEach(c -> ids.add(c.getId()));
        return ids;
    }
}
