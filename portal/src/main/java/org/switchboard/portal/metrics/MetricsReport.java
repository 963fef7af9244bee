package org.switchboard.portal.metrics;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link MetricsQuery}: every metric for the period and the previous period of the same length,
 * the series, and conversations per hour of day.
 *
 * @param query                 the question
 * @param current               each metric's value ({@code null}: nothing to compute it from)
 * @param previous              the same for the previous period
 * @param series                one point per hour, day or week of the range, in order, empty ones included
 * @param previousSeries        the same for the previous period (as many points, or one fewer when weeks fall
 *                              differently)
 * @param conversationsByHourOfDay conversations started per local hour of day 0–23 over the range
 */
public record MetricsReport(MetricsQuery query, Map<Metric, Double> current, Map<Metric, Double> previous,
        List<Point> series, List<Point> previousSeries, List<Long> conversationsByHourOfDay) {

    /**
     * One bucket of a series.
     *
     * @param start  its first hour or day
     * @param values each metric's value in it
     */
    public record Point(LocalDateTime start, Map<Metric, Double> values) {
    }

    public Double value(Metric metric) {
        return current.get(metric);
    }

    public Double previousValue(Metric metric) {
        return previous.get(metric);
    }
}
