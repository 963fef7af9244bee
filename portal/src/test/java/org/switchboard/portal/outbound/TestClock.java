package org.switchboard.portal.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, so a retry is due exactly when the test says its backoff has
 * passed, whoever runs the dispatcher (the test or the portal's own worker).
 */
final class TestClock extends Clock {

    // Whole milliseconds, so an instant written to a DATETIME(6) column reads back equal.
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    /** Moves time forward. */
    void advance(Duration duration) {
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
