package org.switchboard.portal.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A dashboard's question: local dates (inclusive, reporting time zone), series granularity and filters.
 *
 * @throws MetricsException when the range is backwards, longer than 5 years, or hourly over more than 7 days
 */
public record MetricsQuery(LocalDate from, LocalDate to, Granularity granularity, MetricsFilter filter) {

    public static final int MAX_HOURLY_DAYS = 7;
    public static final int MAX_DAYS = 366 * 5;

    public MetricsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        granularity = granularity == null ? Granularity.DAY : granularity;
        filter = filter == null ? MetricsFilter.ANY : filter;
        if (to.isBefore(from)) {
            throw new MetricsException("The range ends (" + to + ") before it starts (" + from + ").");
        }
        if (days(from, to) > MAX_DAYS) {
            throw new MetricsException("Choose a range of at most 5 years.");
        }
        if (granularity == Granularity.HOUR && days(from, to) > MAX_HOURLY_DAYS) {
            throw new MetricsException("Hourly series cover at most " + MAX_HOURLY_DAYS
                    + " days; choose days or weeks for longer ranges.");
        }
    }

    /** Days in the range. */
    public long days() {
        return days(from, to);
    }

    /** The period of the same length right before this one. */
    public MetricsQuery previous() {
        long length = days();
        return new MetricsQuery(from.minusDays(length), from.minusDays(1), granularity, filter);
    }

    public MetricsQuery withFilter(MetricsFilter newFilter) {
        return new MetricsQuery(from, to, granularity, newFilter);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
