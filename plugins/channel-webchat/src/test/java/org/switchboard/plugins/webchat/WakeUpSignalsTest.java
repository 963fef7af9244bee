package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WakeUpSignalsTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @Test
    void a_wake_up_before_the_wait_is_not_lost() {
        WakeUpSignals signals = new WakeUpSignals(10);
        try (WakeUpSignals.Subscription subscription = signals.subscribe("v1")) {
            signals.wake("v1");

            assertTimeoutPreemptively(GENEROUS, () -> subscription.await(LONG));
        }
    }

    @Test
    void every_waiting_poll_of_a_visitor_is_woken() {
        WakeUpSignals signals = new WakeUpSignals(10);
        try (var first = signals.subscribe("v1"); var second = signals.subscribe("v1")) {
            signals.wake("v1");

            assertTimeoutPreemptively(GENEROUS, () -> {
                first.await(LONG);
                second.await(LONG);
            });
        }
    }

    @Test
    void the_entry_of_a_visitor_disappears_when_the_last_poll_leaves() {
        WakeUpSignals signals = new WakeUpSignals(10);
        var first = signals.subscribe("v1");
        var second = signals.subscribe("v1");
        assertThat(signals.waitingVisitors()).isEqualTo(1);

        first.close();
        assertThat(signals.waitingVisitors()).isEqualTo(1);
        second.close();
        assertThat(signals.waitingVisitors()).isZero();
    }

    @Test
    void a_poll_leaving_after_a_wake_up_does_not_unregister_a_newer_poll() {
        WakeUpSignals signals = new WakeUpSignals(10);
        var old = signals.subscribe("v1");
        signals.wake("v1");
        var newer = signals.subscribe("v1");

        old.close();

        assertThat(signals.waitingVisitors()).isEqualTo(1);
        signals.wake("v1");
        assertTimeoutPreemptively(GENEROUS, () -> newer.await(LONG));
        newer.close();
        assertThat(signals.waitingVisitors()).isZero();
    }

    @Test
    void beyond_capacity_polls_still_wait_but_take_no_entry() {
        WakeUpSignals signals = new WakeUpSignals(1);
        var inside = signals.subscribe("v1");
        var overflowing = signals.subscribe("v2");

        assertThat(signals.waitingVisitors()).isEqualTo(1);
        overflowing.await(Duration.ofMillis(10)); // times out quietly
        overflowing.close();
        inside.close();
        assertThat(signals.waitingVisitors()).isZero();
    }

    @Test
    void closing_wakes_everyone_and_later_polls_do_not_wait() {
        WakeUpSignals signals = new WakeUpSignals(1);
        var inside = signals.subscribe("v1");
        var overflowing = signals.subscribe("v2");

        signals.close();

        assertTimeoutPreemptively(GENEROUS, () -> {
            inside.await(LONG);
            overflowing.await(LONG);
            signals.subscribe("v3").await(LONG);
        });
    }
}
