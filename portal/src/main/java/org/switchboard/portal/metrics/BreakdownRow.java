package org.switchboard.portal.metrics;

import java.util.Map;

/**
 * One value of a breakdown (a channel, team, agent, intent) with every metric for the period.
 *
 * @param key    the dimension's value as filters take it (account id, connector id, team or agent id, intent)
 * @param label  its name for people ("none" for samples without one)
 * @param values each metric's value
 */
public record BreakdownRow(String key, String label, Map<Metric, Double> values) {

    public Double value(Metric metric) {
        return values.get(metric);
    }
}
