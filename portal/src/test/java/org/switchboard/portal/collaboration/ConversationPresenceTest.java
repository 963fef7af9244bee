package org.switchboard.portal.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.portal.Await;
import org.switchboard.portal.collaboration.PresenceView.Activity;

/** Two agents' sessions on one conversation, with a clock the test moves. */
class ConversationPresenceTest {

    static final long CONVERSATION = 42;
    static final long ANA = 1;
    static final long BEN = 2;

    final MovableClock clock = new MovableClock();
    final ConversationPresence presence = new ConversationPresence(clock);

    @AfterEach
    void stop() {
        presence.destroy();
    }

    @Test
    void each_agent_sees_the_other_viewing_but_not_themselves() {
        String ana = presence.join(CONVERSATION, ANA, "Ana");
        presence.join(CONVERSATION, BEN, "Ben");
        presence.join(CONVERSATION + 1, 3, "Cleo");

        assertThat(presence.others(CONVERSATION, ANA)).extracting(PresenceView::describe)
                .containsExactly("Ben is viewing");
        assertThat(presence.others(CONVERSATION, BEN)).extracting(PresenceView::describe)
                .containsExactly("Ana is viewing");

        presence.leave(ana);
        assertThat(presence.others(CONVERSATION, BEN)).isEmpty();
    }

    @Test
    void typing_shows_until_five_seconds_after_the_last_keystroke() {
        String ben = presence.join(CONVERSATION, BEN, "Ben");
        presence.typing(ben, false);
        assertThat(presence.others(CONVERSATION, ANA)).extracting(PresenceView::describe)
                .containsExactly("Ben is typing a reply…");

        clock.advance(Duration.ofSeconds(4));
        presence.typing(ben, false);
        clock.advance(Duration.ofSeconds(4));
        presence.expireTyping();
        assertThat(presence.others(CONVERSATION, ANA)).extracting(PresenceView::activity)
                .containsExactly(Activity.TYPING_REPLY);

        clock.advance(Duration.ofSeconds(1));
        presence.expireTyping();
        assertThat(presence.others(CONVERSATION, ANA)).extracting(PresenceView::describe)
                .containsExactly("Ben is viewing");
    }

    @Test
    void an_agent_with_two_tabs_shows_once_with_the_busier_one() {
        presence.join(CONVERSATION, BEN, "Ben");
        String second = presence.join(CONVERSATION, BEN, "Ben");
        presence.typing(second, true);

        assertThat(presence.others(CONVERSATION, ANA)).extracting(PresenceView::describe)
                .containsExactly("Ben is writing a note…");
        presence.stoppedTyping(second);
        assertThat(presence.others(CONVERSATION, ANA)).extracting(PresenceView::describe)
                .containsExactly("Ben is viewing");
    }

    @Test
    void subscribers_hear_about_joins_typing_and_leaves_but_not_repeated_keystrokes() {
        List<Long> heard = new CopyOnWriteArrayList<>();
        presence.subscribe(heard::add);

        String ben = presence.join(CONVERSATION, BEN, "Ben");
        presence.typing(ben, false);
        presence.typing(ben, false);
        presence.typing(ben, false);
        presence.leave(ben);

        Await.until("three changes are heard", () -> heard.size() >= 3);
        assertThat(heard).containsOnly(CONVERSATION).hasSize(3);
    }

    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-20T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
