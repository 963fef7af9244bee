package org.switchboard.portal.csat;

/** How the customer answered; names are stored, never rename one. */
public enum RatedVia {
    /** A message on the channel ("5", "4 👍 thanks"). */
    REPLY,
    /** The signed rating page. */
    LINK,
    /** The stars the web-chat widget shows under the survey. */
    WIDGET
}
