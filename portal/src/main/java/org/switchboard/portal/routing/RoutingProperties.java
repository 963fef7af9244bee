package org.switchboard.portal.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routing defaults.
 *
 * @param defaultMaxOpen how many open conversations of one channel kind an agent gets automatically when no
 *                       capacity is set for them (default 10)
 * @param sweepInterval  how often waiting conversations of automatic teams are checked besides the events that
 *                       trigger assignment (a safety net; default 60 s)
 */
@ConfigurationProperties("switchboard.routing")
public record RoutingProperties(Integer defaultMaxOpen, Duration sweepInterval) {

    public RoutingProperties {
        defaultMaxOpen = defaultMaxOpen == null ? 10 : defaultMaxOpen;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(60) : sweepInterval;
        if (defaultMaxOpen < 0) {
            throw new IllegalArgumentException("switchboard.routing.default-max-open must not be negative");
        }
    }
}
