package org.switchboard.plugin.api.customer;

import java.util.List;

/**
 * What a data source returned about a customer.
 *
 * @param records the records, newest first
 * @since 0.3.0 (incubating)
 */
public record CustomerRecords(List<CustomerRecord> records) {

    public CustomerRecords {
        records = List.copyOf(records);
    }

    /** Nothing known. */
    public static final CustomerRecords NONE = new CustomerRecords(List.of());
}
