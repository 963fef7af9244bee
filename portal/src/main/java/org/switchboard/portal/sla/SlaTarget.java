package org.switchboard.portal.sla;

/** What an SLA target measures. Names are stored: never rename one. */
public enum SlaTarget {
    /** From the customer's first message (the conversation's creation) to the first human reply. */
    FIRST_RESPONSE,
    /** From creation, or from a reopen, to resolution. */
    RESOLUTION;

    /** "first response", "resolution": for event details and the UI. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
