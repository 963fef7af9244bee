package org.switchboard.portal.inbox;

/** How an inbox list is ordered; each order has its own index so page 500 costs what page 1 costs. */
public enum InboxSort {
    /** Latest activity first. */
    LAST_ACTIVITY,
    /** The customer waiting longest for an answer first; lists only conversations whose customer is waiting. */
    WAITING_LONGEST,
    /** The SLA target due soonest first (breached ones lead); lists only conversations with an unmet target. */
    SLA_DUE
}
