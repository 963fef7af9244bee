package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ChangedConversationsTest {

    final ChangedConversations changed = new ChangedConversations(Duration.ZERO);

    @Test
    void a_conversation_waits_once_and_they_are_taken_oldest_first_in_batches() {
        assertThat(changed.add(3)).isTrue();
        assertThat(changed.add(1)).isTrue();
        assertThat(changed.add(3)).as("already waiting").isFalse();
        changed.add(2);

        assertThat(changed.claimDrain()).isTrue();
        assertThat(changed.take(2)).containsExactly(3L, 1L);
        assertThat(changed.add(3)).as("taken: a new change queues it again").isTrue();
        assertThat(changed.claimDrain()).isTrue();
        assertThat(changed.take(10)).containsExactly(2L, 3L);
        assertThat(changed.claimDrain()).as("nothing waits").isFalse();
        assertThat(changed.take(10)).isEmpty();
    }

    @Test
    void one_drain_is_claimed_at_a_time_and_only_while_something_waits() {
        assertThat(changed.claimDrain()).as("nothing waits").isFalse();
        changed.add(1);
        assertThat(changed.claimDrain()).isTrue();
        changed.add(2);
        assertThat(changed.claimDrain()).as("one is scheduled already").isFalse();

        changed.take(1);
        assertThat(changed.claimDrain()).as("the drain started and left one behind").isTrue();
        changed.drainNotScheduled();
        assertThat(changed.claimDrain()).as("the claimed drain was not scheduled").isTrue();
        assertThat(changed.clear()).isEqualTo(1);
        assertThat(changed.claimDrain()).isFalse();
    }

    @Test
    void a_drain_takes_only_what_was_queued_before_it_was_claimed() {
        // On a worker running tasks in order, a task queued between the claim and a later change runs first.
        changed.add(1);
        assertThat(changed.claimDrain()).isTrue();
        changed.add(2);

        assertThat(changed.take(10)).containsExactly(1L);
        assertThat(changed.claimDrain()).as("the later change has a drain of its own").isTrue();
        assertThat(changed.take(10)).containsExactly(2L);
    }

    @Test
    void after_a_drain_that_caught_up_the_next_waits_for_the_pace() {
        ChangedConversations paced = new ChangedConversations(Duration.ofMillis(300));
        paced.add(1);
        paced.claimDrain();
        assertThat(paced.take(10)).as("the first drain does not wait").containsExactly(1L);
        paced.add(2);
        paced.claimDrain();
        paced.add(3);
        paced.add(4);

        long started = System.nanoTime();
        assertThat(paced.take(10)).containsExactly(2L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        paced.claimDrain();
        assertThat(paced.take(10)).as("what came during the pause: one drain").containsExactly(3L, 4L);
    }

    @Test
    @Timeout(30)
    void a_backlog_is_drained_without_pacing() {
        ChangedConversations paced = new ChangedConversations(Duration.ofMinutes(10));
        paced.add(1);
        paced.add(2);
        paced.add(3);
        paced.claimDrain();
        assertThat(paced.take(2)).containsExactly(1L, 2L);

        // Paced, this would sleep ten minutes (the test times out); a backlog goes on at once.
        assertThat(paced.claimDrain()).isTrue();
        assertThat(paced.take(2)).containsExactly(3L);
    }
}
