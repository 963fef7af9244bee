package org.switchboard.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/** The rules without a database: which policy applies, which clocks run, what admins may type. */
class SlaRulesTest {

    static final Instant T0 = Instant.parse("2026-01-12T09:00:00Z");

    @Test
    void a_policy_for_the_channel_beats_one_for_every_channel_of_the_same_priority() {
        SlaPolicySettings highAny = policy(1L, "High", Priority.HIGH, null, true);
        SlaPolicySettings highChat = policy(2L, "High chat", Priority.HIGH, "webchat", true);
        SlaPolicySettings urgentChat = policy(3L, "Urgent chat", Priority.URGENT, "webchat", true);
        List<SlaPolicySettings> all = List.of(highAny, highChat, urgentChat);

        assertThat(PolicyChoice.choose(all, Priority.HIGH, "webchat")).contains(highChat);
        assertThat(PolicyChoice.choose(all, Priority.HIGH, "WebChat")).as("connector ids compare ignoring case")
                .contains(highChat);
        assertThat(PolicyChoice.choose(all, Priority.HIGH, "email")).contains(highAny);
        assertThat(PolicyChoice.choose(all, Priority.HIGH, null)).contains(highAny);
        assertThat(PolicyChoice.choose(all, Priority.URGENT, "email")).isEmpty();
        assertThat(PolicyChoice.choose(all, Priority.LOW, "webchat")).isEmpty();
        assertThat(PolicyChoice.choose(List.of(highAny, policy(2L, "Off", Priority.HIGH, "webchat", false)),
                Priority.HIGH, "webchat")).as("a disabled policy never applies").contains(highAny);
    }

    @Test
    void the_first_response_clock_stops_at_the_first_human_reply() {
        List<TargetClock> clocks = TargetClock.of(facts(ConversationStatus.OPEN,
                event(ConversationEventType.FIRST_RESPONSE, 30), event(ConversationEventType.FIRST_RESPONSE, 50)));
        assertThat(clocks).containsExactly(
                new TargetClock(SlaTarget.FIRST_RESPONSE, T0, T0.plusSeconds(30 * 60), true),
                new TargetClock(SlaTarget.RESOLUTION, T0, null, true));
    }

    @Test
    void resolving_stops_every_clock_and_a_reopen_starts_a_new_resolution_clock() {
        List<TargetClock> clocks = TargetClock.of(facts(ConversationStatus.OPEN,
                event(ConversationEventType.RESOLVED, 60), event(ConversationEventType.REOPENED, 90),
                event(ConversationEventType.FIRST_RESPONSE, 100)));
        assertThat(clocks).containsExactly(
                new TargetClock(SlaTarget.FIRST_RESPONSE, T0, minutes(60), true),
                new TargetClock(SlaTarget.RESOLUTION, T0, minutes(60), false),
                new TargetClock(SlaTarget.RESOLUTION, minutes(90), null, true));
    }

    @Test
    void a_conversation_resolved_without_a_resolved_event_still_stops_its_clocks() {
        // A merge resolves the conversation merged away without a RESOLVED event.
        ConversationFacts merged = new ConversationFacts(1, ConversationStatus.RESOLVED, Priority.NORMAL, null, T0,
                minutes(5), null, false, List.of());
        assertThat(TargetClock.of(merged)).extracting(TargetClock::stoppedAt).containsOnly(minutes(5));
    }

    @Test
    void the_sla_state_follows_due_time_breach_and_warning_window() {
        Duration window = Duration.ofMinutes(15);
        assertThat(SlaState.of(null, false, T0, window)).isEqualTo(SlaState.NONE);
        assertThat(SlaState.of(minutes(16), false, T0, window)).isEqualTo(SlaState.ON_TRACK);
        assertThat(SlaState.of(minutes(15), false, T0, window)).isEqualTo(SlaState.DUE_SOON);
        assertThat(SlaState.of(T0, false, T0, window)).as("due now").isEqualTo(SlaState.BREACHED);
        assertThat(SlaState.of(minutes(60), true, T0, window)).isEqualTo(SlaState.BREACHED);
        assertThat(SlaState.of(null, true, T0, window)).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void targets_are_typed_as_hours_and_minutes() {
        assertThat(DurationText.parse("30m", "x")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse(" 1h 30m ", "x")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("8H", "x")).isEqualTo(Duration.ofHours(8));
        assertThat(DurationText.parse("", "x")).isNull();
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(DurationText.format(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(DurationText.format(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThatThrownBy(() -> DurationText.parse("2 days", "resolution")).isInstanceOf(SlaException.class)
                .hasMessageContaining("resolution").hasMessageContaining("1h 30m");
    }

    @Test
    void weekly_hours_and_holidays_are_typed_as_text() {
        assertThat(WeeklyHoursText.parseDay("09:00-12:00, 13:00 - 17:00", "Monday")).containsExactly(
                new OpeningHours(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new OpeningHours(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        assertThat(WeeklyHoursText.parseDay("20:00-24:00", "Friday"))
                .containsExactly(new OpeningHours(LocalTime.of(20, 0), LocalTime.MIDNIGHT));
        assertThat(WeeklyHoursText.formatDay(WeeklyHoursText.parseDay("20:00-24:00", "Friday")))
                .isEqualTo("20:00-24:00");
        assertThat(WeeklyHoursText.parseHolidays("2026-12-25 Christmas Day\n\n2026-12-26"))
                .containsExactly(new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day"),
                        new Holiday(LocalDate.of(2026, 12, 26), ""));
        assertThatThrownBy(() -> WeeklyHoursText.parseDay("9 to 5", "Tuesday")).isInstanceOf(SlaException.class)
                .hasMessageStartingWith("Tuesday");
        assertThatThrownBy(() -> WeeklyHoursText.parseDay("22:00-06:00", "Friday"))
                .isInstanceOf(SlaException.class).hasMessageContaining("cross midnight");
        assertThatThrownBy(() -> WeeklyHoursText.parseDay("09:00-25:00", "Friday"))
                .isInstanceOf(SlaException.class).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> WeeklyHoursText.parseHolidays("25.12.2026 Christmas"))
                .isInstanceOf(SlaException.class).hasMessageContaining("2026-12-25");
    }

    static SlaPolicySettings policy(Long id, String name, Priority priority, String channel, boolean enabled) {
        return new SlaPolicySettings(id, name, priority, channel, Duration.ofHours(1), null, null, enabled);
    }

    static ConversationFacts facts(ConversationStatus status, ConversationFacts.Event... events) {
        return new ConversationFacts(1, status, Priority.NORMAL, "webchat", T0, null, null, false, List.of(events));
    }

    static ConversationFacts.Event event(ConversationEventType type, int minutesAfterStart) {
        return new ConversationFacts.Event(type, minutes(minutesAfterStart));
    }

    static Instant minutes(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }
}
