package org.switchboard.portal.csat;

/** Where a survey is; names are stored, never rename one. */
public enum SurveyStatus {
    /** Waits for its send time (the account's delay after the resolution). */
    SCHEDULED,
    /** Went out; awaits the customer's rating. */
    SENT,
    /** The customer rated. */
    RATED,
    /** Not sent, for the reason kept with it (reopened, asked recently, reply window closed...). */
    SKIPPED
}
