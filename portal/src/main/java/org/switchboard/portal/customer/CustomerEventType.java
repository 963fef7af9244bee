package org.switchboard.portal.customer;

/** What happened to a customer record. Names are stored: never rename one. */
public enum CustomerEventType {
    IDENTITY_ADDED, MERGED_IN, MERGED_INTO, UNMERGED_OUT, UNMERGED
}
