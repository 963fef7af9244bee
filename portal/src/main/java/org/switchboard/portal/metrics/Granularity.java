package org.switchboard.portal.metrics;

/** How a series is bucketed, in the reporting time zone. */
public enum Granularity {
    /** Wall-clock hours; for ranges of at most {@link MetricsQuery#MAX_HOURLY_DAYS} days. */
    HOUR,
    /** Local dates. */
    DAY,
    /** ISO weeks, Monday to Sunday (the first and last may be cut by the range). */
    WEEK
}
