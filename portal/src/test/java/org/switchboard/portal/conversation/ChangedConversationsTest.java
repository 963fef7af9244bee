package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ChangedConversationsTest {

    final ChangedConversations changed = new ChangedConversations(java.time.Duration.ZERO);

    @Test
    void a_conversation_waits_once_and_they_are_taken_oldest_first_in_batches() {
        assertThat(changed.add(3)).isTrue();
        assertThat(changed.add(1)).isTrue();
        assertThat(changed.add(3)).as("already waiting").isFalse();
        changed.add(2);

        assertThat(changed.take(2)).containsExactly(3L, 1L);
        assertThat(changed.add(3)).as("taken: a new change queues it again").isTrue();
        assertThat(changed.take(10)).containsExactly(2L, 3L);
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
    void after_a_drain_that_caught_up_the_next_waits_for_the_pace() {
        ChangedConversations paced = new ChangedConversations(Duration.ofMillis(300));
        paced.add(1);
        assertThat(paced.take(10)).containsExactly(1L);
        paced.add(2);
        paced.add(3);

        long started = System.nanoTime();
        assertThat(paced.take(10)).as("both changes of the burst in one drain").containsExactly(2L, 3L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    @Timeout(30)
    void a_backlog_is_drained_without_pacing() {
        ChangedConversations paced = new ChangedConversations(Duration.ofMinutes(10));
        paced.add(1);
        paced.add(2);
        paced.add(3);
        assertThat(paced.take(2)).containsExactly(1L, 2L);

        // Paced, this would sleep ten minutes (the test times out); a backlog goes on at once.
        assertThat(paced.take(2)).containsExactly(3L);
    }
}
