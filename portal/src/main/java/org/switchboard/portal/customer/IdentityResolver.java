package org.switchboard.portal.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final IdentityOwners identityOwners;

    IdentityResolver(IdentityNormalizer normalizer, CustomerRepository customers,
            CustomerIdentityRepository identities, IdentityOwners identityOwners) {
        this.normalizer = normalizer;
        this.customers = customers;
        this.identities = identities;
        this.identityOwners = identityOwners;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ResolvedCustomer resolve(Identity sender, String senderName, List<Identity> others, Instant now) {
        return resolve(sender, senderName, others, now, new KnownIdentities());
    }

    /**
     * As {@link #resolve(Identity, String, List, Instant)}, taking owners from {@code known} where it has looked
     * them up, and recording there the identities this call links, so later messages of the same transaction find
     * them without a query.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ResolvedCustomer resolve(Identity sender, String senderName, List<Identity> others, Instant now,
            KnownIdentities known) {
        NormalizedIdentity senderIdentity = normalizer.normalize(sender);
        Set<NormalizedIdentity> all = new LinkedHashSet<>();
        all.add(senderIdentity);
        all.addAll(usable(others));

        Customer owner = null;
        List<NormalizedIdentity> unknown = new ArrayList<>();
        for (NormalizedIdentity identity : all) {
            Optional<Customer> found = known.covers(identity) ? known.owner(identity)
                    : identities.find(identity.kind(), identity.value()).map(CustomerIdentity::getCustomer);
            if (found.isEmpty()) {
                unknown.add(identity);
            } else if (owner == null) {
                owner = found.get();
            }
        }

        boolean created = owner == null;
        Customer customer = created ? customers.save(new Customer(senderName, now)) : owner;
        if (customer.isMerged()) {
            // Only while a merge commits concurrently: its identities still pointed at the merged customer.
            customer = customers.findById(customer.getMergedIntoId()).orElse(customer);
        }
        customer.learnName(senderName, now);
        for (NormalizedIdentity identity : unknown) {
            identities.save(new CustomerIdentity(customer, identity, now));
            known.found(identity, customer);
        }
        return new ResolvedCustomer(customer, senderIdentity, created);
    }

    /**
     * Looks up, in one query, who owns any of these identities (unusable ones are skipped: resolving them reports
     * the problem), for a batch of messages resolved in the same transaction. Call it before writing anything in the
     * transaction: it does not flush.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public KnownIdentities lookUp(Collection<Identity> all) {
        KnownIdentities known = new KnownIdentities();
        Set<NormalizedIdentity> wanted = new LinkedHashSet<>(usable(all));
        if (wanted.isEmpty()) {
            return known;
        }
        Map<NormalizedIdentity, Customer> owners = identityOwners.of(wanted.stream().map(NormalizedIdentity::value)
                .collect(Collectors.toSet()));
        wanted.forEach(identity -> known.found(identity, owners.get(identity)));
        return known;
    }

    private List<NormalizedIdentity> usable(Collection<Identity> identities) {
        List<NormalizedIdentity> usable = new ArrayList<>(identities.size());
        for (Identity identity : identities) {
            try {
                usable.add(normalizer.normalize(identity));
            } catch (InvalidIdentityException e) {
                // A malformed optional identity (a typo in a pre-chat email) must not lose the message.
                log.debug("Ignoring unusable identity of kind {}: {}", identity.kind(), e.getMessage());
            }
        }
        return usable;
    }

    /** The identities of a customer, oldest first. */
    @Transactional(readOnly = true)
    public List<NormalizedIdentity> identitiesOf(long customerId) {
        return identities.findByCustomer(customerId).stream().map(CustomerIdentity::toNormalized).toList();
    }
}
