package org.switchboard.portal.metrics;

import java.util.Locale;

/** The counters facts and rollups carry, one column each (named as the constant, lower case). */
enum Measure {
    CREATED, SWITCHED, SWITCHED_RESOLVED, REPEAT_ELIGIBLE, REPEAT_CONTACT, RESOLVED, FCR, REOPENED, BOT_ENGAGED,
    BOT_ESCALATED, BOT_RESOLVED, CSAT_SENT, CSAT_RATED, CSAT_SATISFIED, CSAT_SCORE_SUM, SLA_FR_MET, SLA_FR_BREACHED,
    SLA_RES_MET, SLA_RES_BREACHED, ASSIGNED, REPLIES;

    static final int COUNT = values().length;

    private final String column = name().toLowerCase(Locale.ROOT);

    String column() {
        return column;
    }
}
