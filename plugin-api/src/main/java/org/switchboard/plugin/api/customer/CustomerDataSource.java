package org.switchboard.plugin.api.customer;

/**
 * One configured source of customer data.
 *
 * @since 0.3.0 (incubating)
 */
public interface CustomerDataSource extends AutoCloseable {

    /**
     * The records this source holds about a customer, newest first. Called while an agent looks at the customer:
     * answer within a few seconds (use timeouts), and throw rather than return partial data silently.
     *
     * @param customer who to look up (all their known identities)
     * @return the records, possibly empty
     * @throws CustomerDataException when the source cannot answer now (the host shows that, not an empty list)
     */
    CustomerRecords lookup(CustomerLookup customer) throws CustomerDataException;

    @Override
    default void close() {
    }
}
