package org.switchboard.portal.metrics;

import java.time.LocalDateTime;

/**
 * A rollup row's key: grain {@code 'D'}, a local date (at 00:00) and each dimension either its value or "any"
 * ({@link #ANY_TEXT} / {@link #ANY_ID}). (Hourly series are summed from the facts of the few days they cover.)
 */
record RollupKey(char grain, String channelAccountId, long teamId, long agentId, String intent,
        LocalDateTime period) {

    static final String ANY_TEXT = "*";
    static final long ANY_ID = -1;
    static final char DAY = 'D';

    /** The 16 daily rows a fact counts in: every combination of "its value" and "any" of the four dimensions. */
    static RollupKey[] daysOf(FactKey key) {
        LocalDateTime day = key.hour().toLocalDate().atStartOfDay();
        RollupKey[] keys = new RollupKey[16];
        for (int mask = 0; mask < 16; mask++) {
            keys[mask] = new RollupKey(DAY, (mask & 1) != 0 ? key.channelAccountId() : ANY_TEXT,
                    (mask & 2) != 0 ? key.teamId() : ANY_ID, (mask & 4) != 0 ? key.agentId() : ANY_ID,
                    (mask & 8) != 0 ? key.intent() : ANY_TEXT, day);
        }
        return keys;
    }
}
