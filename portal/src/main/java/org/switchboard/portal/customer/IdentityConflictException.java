package org.switchboard.portal.customer;

/**
 * An identity an agent adds already belongs to another customer. It is never moved silently: the two customers are
 * probably one person, and joining them is a merge ({@link CustomerMerger#merge}) the agent confirms.
 */
public class IdentityConflictException extends CustomerException {

    private final long otherCustomerId;

    public IdentityConflictException(NormalizedIdentity identity, long otherCustomerId, String otherName) {
        super("This " + identity.kind() + " already belongs to " + otherName + " (customer #" + otherCustomerId
                + "). If they are the same person, merge the two customers instead.");
        this.otherCustomerId = otherCustomerId;
    }

    /** The customer the identity belongs to: the merge candidate to offer. */
    public long otherCustomerId() {
        return otherCustomerId;
    }
}
