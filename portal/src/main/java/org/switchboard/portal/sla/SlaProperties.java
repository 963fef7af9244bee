package org.switchboard.portal.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal watches SLA targets.
 *
 * @param checkInterval how often unmet targets are checked for warnings and breaches
 * @param warnBefore    how long (calendar time) before its due time a target is "due soon" and warned about once
 */
@ConfigurationProperties("switchboard.sla")
public record SlaProperties(Duration checkInterval, Duration warnBefore) {

    public SlaProperties {
        checkInterval = checkInterval == null ? Duration.ofSeconds(30) : checkInterval;
        warnBefore = warnBefore == null ? Duration.ofMinutes(15) : warnBefore;
    }
}
