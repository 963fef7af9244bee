package org.switchboard.portal.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Rules that keep acting on one conversation pause there for a minute; other conversations are not affected. */
class RunawayGuardTest {

    @Test
    void rules_pause_on_a_conversation_after_the_limit_within_a_minute_and_resume_after_it() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
        RunawayGuard guard = new RunawayGuard(clock);

        for (int i = 1; i < RunawayGuard.LIMIT; i++) {
            assertThat(guard.allows(7)).isTrue();
            assertThat(guard.acted(7)).isFalse();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(guard.acted(7)).as("the act that reaches the limit is reported once").isTrue();
        assertThat(guard.allows(7)).isFalse();
        assertThat(guard.allows(8)).isTrue();

        clock.advance(RunawayGuard.WINDOW);
        assertThat(guard.allows(7)).isTrue();
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
