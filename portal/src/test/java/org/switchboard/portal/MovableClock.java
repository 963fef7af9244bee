package org.switchboard.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's clock in tests that need time to pass on cue: it stands still until the test moves it, so a retry
 * backoff, a survey delay or a reply window ends exactly when the test says, whoever checks (the test or the
 * portal's own workers).
 */
public final class MovableClock extends Clock {

    // Whole milliseconds, so an instant written to a DATETIME(6) column reads back equal.
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    /** Moves time forward. */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the portal works in UTC");
    }
}
