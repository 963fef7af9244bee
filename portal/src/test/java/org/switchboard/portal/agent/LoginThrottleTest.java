package org.switchboard.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.portal.MovableClock;

class LoginThrottleTest {

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(null, 3, 5, Duration.ofMinutes(10),
            Duration.ofMinutes(15), null, null), clock);

    @Test
    void an_account_is_locked_after_the_limit_within_the_window_and_free_again_after_the_lockout() {
        throttle.failed("Ana@example.test", "10.0.0.1");
        throttle.failed("ana@example.test", "10.0.0.2");
        assertThat(throttle.lockedFor("ana@example.test", "10.0.0.3")).isEmpty();

        throttle.failed("ana@example.test ", "10.0.0.3");

        assertThat(throttle.lockedFor("ana@example.test", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(new TooManyAttemptsException(throttle.lockedFor("ana@example.test", null).orElseThrow())
                .getMessage()).isEqualTo("Too many attempts, try again in 15 minutes.");
        assertThat(throttle.lockedFor("ben@example.test", "10.0.0.1")).isEmpty();
        clock.advance(Duration.ofMinutes(14).plusSeconds(1));
        assertThat(new TooManyAttemptsException(throttle.lockedFor("ana@example.test", null).orElseThrow())
                .getMessage()).isEqualTo("Too many attempts, try again in 1 minute.");
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("ana@example.test", null)).isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        throttle.failed("cem@example.test", null);
        throttle.failed("cem@example.test", null);
        clock.advance(Duration.ofMinutes(11));

        throttle.failed("cem@example.test", null);

        assertThat(throttle.lockedFor("cem@example.test", null)).isEmpty();
    }

    @Test
    void a_success_clears_the_accounts_failures() {
        throttle.failed("dan@example.test", null);
        throttle.failed("dan@example.test", null);
        throttle.succeeded("dan@example.test");

        throttle.failed("dan@example.test", null);

        assertThat(throttle.lockedFor("dan@example.test", null)).isEmpty();
    }

    @Test
    void one_address_trying_many_accounts_is_locked_for_all_of_them() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i + "@example.test", "192.0.2.7");
        }

        assertThat(throttle.lockedFor("someone.else@example.test", "192.0.2.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("someone.else@example.test", "192.0.2.8")).isEmpty();
    }

    @Test
    void idle_counters_are_forgotten() {
        throttle.failed("eve@example.test", "192.0.2.9");
        clock.advance(Duration.ofMinutes(11));

        throttle.forgetIdle();

        throttle.failed("eve@example.test", "192.0.2.9");
        throttle.failed("eve@example.test", "192.0.2.9");
        assertThat(throttle.lockedFor("eve@example.test", null)).isEmpty();
    }
}
