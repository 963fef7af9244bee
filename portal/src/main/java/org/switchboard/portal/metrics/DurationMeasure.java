package org.switchboard.portal.metrics;

import java.util.Locale;

/**
 * The durations facts carry (whole seconds) and rollups keep as count, sum and histogram: first response and time
 * to resolution, each in calendar and in business time.
 */
enum DurationMeasure {
    FRT, FRT_BUSINESS, TTR, TTR_BUSINESS;

    static final int COUNT = values().length;

    private final String prefix = name().toLowerCase(Locale.ROOT);

    String prefix() {
        return prefix;
    }
}
