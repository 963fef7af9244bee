package org.switchboard.portal.sla;

import java.time.Duration;
import java.time.Instant;

/** Where a conversation stands against its SLA, for badges, filters and dashboards. */
public enum SlaState {
    /** No running target and none missed. */
    NONE,
    /** The earliest running target is due later than the warning window. */
    ON_TRACK,
    /** The earliest running target is due within the warning window. */
    DUE_SOON,
    /** A target was missed (or is past due and about to be recorded as missed). */
    BREACHED;

    /**
     * The state from what the conversation row keeps ({@code sla_due_at}, {@code sla_breached}).
     *
     * @param warnBefore the warning window ({@link SlaProperties#warnBefore()})
     */
    public static SlaState of(Instant slaDueAt, boolean slaBreached, Instant now, Duration warnBefore) {
        if (slaBreached || (slaDueAt != null && !slaDueAt.isAfter(now))) {
            return BREACHED;
        }
        if (slaDueAt == null) {
            return NONE;
        }
        return slaDueAt.minus(warnBefore).isAfter(now) ? ON_TRACK : DUE_SOON;
    }
}
