package org.switchboard.portal.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.Identity;

/**
 * Maps a sender's identities to one customer by exact match on normalised identities.
 *
 * <p>Rules, in order: the sender's own identity if we know it; else any other identity the customer gave (an
 * email in a chat pre-chat form) that we know; else a new customer. Every identity not known yet is then linked to
 * that customer. An identity already linked to a different customer is left where it is: joining two customers is
 * a merge an agent confirms, never a side effect of a message.
 */
@Service
public class IdentityResolver {

    private static final Logger log = LoggerFactory.getLogger(IdentityResolver.class);

    private final IdentityNormalizer normalizer;
    private final CustomerRepository customers;
    private final CustomerIdentityRepository identities;

    IdentityResolver(IdentityNormalizer normalizer, CustomerRepository customers,
            CustomerIdentityRepository identities) {
        this.normalizer = normalizer;
        this.customers = customers;
        this.identities = identities;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ResolvedCustomer resolve(Identity sender, String senderName, List<Identity> others, Instant now) {
        NormalizedIdentity senderIdentity = normalizer.normalize(sender);
        Set<NormalizedIdentity> all = new LinkedHashSet<>();
        all.add(senderIdentity);
        for (Identity other : others) {
            try {
                all.add(normalizer.normalize(other));
            } catch (InvalidIdentityException e) {
                // A malformed optional identity (a typo in a pre-chat email) must not lose the message.
                log.debug("Ignoring unusable identity of kind {}: {}", other.kind(), e.getMessage());
            }
        }

        List<CustomerIdentity> known = new ArrayList<>();
        List<NormalizedIdentity> unknown = new ArrayList<>();
        for (NormalizedIdentity identity : all) {
            Optional<CustomerIdentity> found = identities.find(identity.kind(), identity.value());
            found.ifPresentOrElse(known::add, () -> unknown.add(identity));
        }

        boolean created = known.isEmpty();
        Customer customer = created
                ? customers.save(new Customer(senderName, now))
                : known.getFirst().getCustomer();
        if (customer.isMerged()) {
            // Only while a merge commits concurrently: its identities still pointed at the merged customer.
            customer = customers.findById(customer.getMergedIntoId()).orElse(customer);
        }
        customer.learnName(senderName, now);
        for (NormalizedIdentity identity : unknown) {
            identities.save(new CustomerIdentity(customer, identity, now));
        }
        return new ResolvedCustomer(customer, senderIdentity, created);
    }

    /** The identities of a customer, oldest first. */
    @Transactional(readOnly = true)
    public List<NormalizedIdentity> identitiesOf(long customerId) {
        return identities.findByCustomer(customerId).stream().map(CustomerIdentity::toNormalized).toList();
    }
}
