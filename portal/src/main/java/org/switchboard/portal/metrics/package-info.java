/**
 * Supervisor dashboards' numbers (issue 7): metric definitions ({@code docs/metrics.md}), facts projected from the
 * conversation events, a daily rollup cube maintained as events arrive ({@link
 * org.switchboard.portal.metrics.MetricsPoller}), a full rebuild ({@link org.switchboard.portal.metrics.MetricsRebuild}),
 * and the query API the dashboards read ({@link org.switchboard.portal.metrics.Metrics}), which reads rollups (hourly series of at most 7 days: facts), never the events.
 *
 * <p>Owns the {@code metric_*} tables. Reads {@code conversation_event}, {@code conversation} (customer),
 * {@code channel_account} (connector) and the SLA package's {@code conversation_sla} rows (met targets leave no event)
 * with read-only SQL; writes nothing outside its tables.
 */
package org.switchboard.portal.metrics;
