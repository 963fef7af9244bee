package org.switchboard.portal.inbox;

/** The SLA states an inbox can be filtered by. */
public enum SlaFilter {
    /** An unmet target falls due within the warning window ({@code switchboard.sla.warn-before}) and none is missed. */
    DUE_SOON,
    /** A target was missed. */
    BREACHED
}
