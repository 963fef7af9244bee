package org.switchboard.portal.customer;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads customers for the 360 view. */
@Service
@Transactional(readOnly = true)
public class CustomerCards {

    private final CustomerRepository customers;
    private final IdentityResolver identities;

    CustomerCards(CustomerRepository customers, IdentityResolver identities) {
        this.customers = customers;
        this.identities = identities;
    }

    public Optional<CustomerCard> card(long customerId) {
        return customers.findById(customerId).map(c -> new CustomerCard(c.getId(), c.getDisplayName(),
                identities.identitiesOf(customerId), c.getCreatedAt()));
    }
}
