package org.switchboard.portal.inbox;

/** Whose conversations a view shows. */
public enum InboxScope {
    /** Every conversation (agents see all unless team scoping is introduced). */
    ALL,
    /** Assigned to the signed-in agent. */
    MINE,
    /** Nobody's yet. */
    UNASSIGNED,
    /** Routed to one of the signed-in agent's teams. */
    MY_TEAMS
}
