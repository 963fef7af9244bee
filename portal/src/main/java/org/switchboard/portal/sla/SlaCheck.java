package org.switchboard.portal.sla;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code switchboard.sla.check-interval} (30 s by default): warnings for targets coming due, breaches for
 * targets missed, and another try for evaluations that failed. A database that is away costs one tick, not data.
 */
@Component
class SlaCheck {

    private static final Logger log = LoggerFactory.getLogger(SlaCheck.class);

    private final SlaTracker tracker;
    private final SlaTriggers triggers;
    private final Clock clock;

    SlaCheck(SlaTracker tracker, SlaTriggers triggers, Clock clock) {
        this.tracker = tracker;
        this.triggers = triggers;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${switchboard.sla.check-interval:30s}",
            initialDelayString = "${switchboard.sla.check-interval:30s}")
    void check() {
        try {
            triggers.retryFailed();
            tracker.sweep(clock.instant());
        } catch (RuntimeException e) {
            log.warn("SLA check failed; trying again at the next one: {}", e.toString());
        }
    }
}
