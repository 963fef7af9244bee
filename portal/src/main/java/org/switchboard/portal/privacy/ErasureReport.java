package org.switchboard.portal.privacy;

import java.util.List;

/**
 * What an erasure deleted: ids and numbers only.
 *
 * @param customerIds     the customer records erased (the one asked for, and those merged into it)
 * @param identities      identities
 * @param notes           agents' notes
 * @param tags            tags
 * @param attributeValues custom attribute values
 * @param customerEvents  customer record events
 * @param conversations   conversations with their messages, attachments, events and outbox rows
 */
public record ErasureReport(List<Long> customerIds, int identities, int notes, int tags, int attributeValues,
        int customerEvents, PurgeCounts conversations) {

    @Override
    public String toString() {
        return "customers=" + customerIds + " identities=" + identities + " notes=" + notes + " tags=" + tags
                + " attributeValues=" + attributeValues + " customerEvents=" + customerEvents + " " + conversations;
    }
}
