package org.switchboard.portal.customerdata;

import java.util.List;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * What one data source said about a customer: its records, or why it could not answer.
 *
 * @param sourceName the source's name
 * @param records    the records, newest first (empty on failure)
 * @param problem    why the source did not answer, or {@code null}
 */
public record SourceRecords(String sourceName, List<CustomerRecord> records, String problem) {
}
