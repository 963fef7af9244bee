package org.switchboard.portal.conversation;

/** Which conversations an inbox shows. */
public enum InboxFilter {
    /** Every conversation. */
    ALL,
    /** The signed-in agent's own. */
    MINE,
    /** Nobody's yet. */
    UNASSIGNED
}
