package org.switchboard.portal.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How metrics are computed and kept up to date (see {@code docs/metrics.md}).
 *
 * @param businessHours the business-hours schedule (by name) durations are also measured in; default the first
 *                      schedule by name, or 24/7 when there is none
 * @param zone          the reporting time zone (days, hours of day); default the schedule's zone, else UTC
 * @param pollInterval  how often the poller looks for new events (it is also nudged after each change)
 * @param overlap       how far behind its watermark the poller looks again (late commits, other nodes' clocks)
 * @param poller        whether this node keeps the rollups up to date (off: only rebuilds change them)
 */
@ConfigurationProperties("switchboard.metrics")
public record MetricsProperties(String businessHours, String zone, Duration pollInterval, Duration overlap,
        Boolean poller) {

    public MetricsProperties {
        businessHours = businessHours == null || businessHours.isBlank() ? null : businessHours.strip();
        zone = zone == null || zone.isBlank() ? null : zone.strip();
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        overlap = overlap == null ? Duration.ofMinutes(5) : overlap;
        poller = poller == null || poller;
    }
}
