package org.switchboard.portal.customer;

import java.time.Instant;
import java.util.Map;

/**
 * A merge of one customer into another, as the UI lists it (with "undo" while {@code unmergedAt} is null).
 *
 * @param id         merge id, for {@link CustomerMerger#unmerge}
 * @param survivorId the customer that stayed
 * @param mergedId   the customer merged into it
 * @param mergedAt   when
 * @param mergedBy   who merged
 * @param unmergedAt when it was undone, or null
 * @param unmergedBy who undid it, or null
 * @param moved      how many rows of each kind the merge moved
 */
public record MergeRecord(long id, long survivorId, long mergedId, Instant mergedAt, String mergedBy,
        Instant unmergedAt, String unmergedBy, Map<MergeItemType, Integer> moved) {

    /** Whether it can still be undone. */
    public boolean active() {
        return unmergedAt == null;
    }
}
