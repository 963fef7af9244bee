package org.switchboard.portal.inbox;

/** A saved view as the inbox lists it. */
public record SavedViewSummary(long id, String name, boolean shared, boolean mine, InboxCriteria criteria) {
}
