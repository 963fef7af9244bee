package org.switchboard.plugin.api.customer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;

/**
 * A customer as a data source may look them up: the host's id, the display name and every known identity
 * (normalised: emails lower-case, phones E.164).
 *
 * @param customerId  the host's customer id
 * @param displayName the name, or {@code null}
 * @param identities  all identities of the customer
 * @since 0.3.0 (incubating)
 */
public record CustomerLookup(String customerId, String displayName, List<Identity> identities) {

    public CustomerLookup {
        Objects.requireNonNull(customerId, "customerId");
        identities = List.copyOf(identities);
    }

    /**
     * The values of one kind of identity.
     *
     * @param kind the kind
     * @return the values, in the host's order
     */
    public List<String> valuesOf(IdentityKind kind) {
        return identities.stream().filter(i -> i.kind().equals(kind)).map(Identity::value).toList();
    }

    /**
     * The first email address, if any.
     *
     * @return the email
     */
    public Optional<String> email() {
        return valuesOf(IdentityKind.EMAIL).stream().findFirst();
    }

    /**
     * The first phone number, if any.
     *
     * @return the phone number (E.164)
     */
    public Optional<String> phone() {
        return valuesOf(IdentityKind.PHONE).stream().findFirst();
    }
}
