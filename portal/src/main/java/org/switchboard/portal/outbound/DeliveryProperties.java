package org.switchboard.portal.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry policy of outbound delivery.
 *
 * @param maxAttempts  attempts before a retryable failure is given up
 * @param firstBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff   the longest wait between attempts
 * @param lease        how long a dispatcher owns an entry it is sending; after a crash the entry is due again then
 * @param pollInterval how often the dispatcher looks for due entries when nobody wakes it
 * @param unavailableRetry how often a reply whose channel is unavailable (plugin stopped, account disabled) looks
 *                     again; such waits use up no attempts
 */
@ConfigurationProperties("switchboard.delivery")
public record DeliveryProperties(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease,
        Duration pollInterval, Duration unavailableRetry) {

    public DeliveryProperties {
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(15) : maxBackoff;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        unavailableRetry = unavailableRetry == null ? Duration.ofSeconds(30) : unavailableRetry;
    }

    /** The wait after the given number of failed attempts. */
    Duration backoffAfter(int failedAttempts) {
        long factor = 1L << Math.min(failedAttempts - 1, 20);
        Duration wait = firstBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
