package org.switchboard.portal.customer;

/** What kind of row a merge moved (stored in {@code customer_merge_item.item_type}: never rename one). */
public enum MergeItemType {
    /** A {@code customer_identity} row. */
    IDENTITY,
    /** A {@code conversation} row (with all its messages, events and attachments, which hang off it). */
    CONVERSATION,
    /** A {@code customer_note} row. */
    NOTE,
    /** A {@code customer_tag} row the survivor did not have. */
    TAG,
    /** A {@code customer_attribute_value} row for an attribute the survivor had no value of. */
    ATTRIBUTE_VALUE,
    /** A customer merged earlier into the merged one, re-pointed to the survivor. */
    MERGED_CUSTOMER
}
