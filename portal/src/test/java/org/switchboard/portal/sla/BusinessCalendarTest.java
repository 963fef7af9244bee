package org.switchboard.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business time by hand: every expected value below was worked out on paper (Berlin is UTC+1 in winter, UTC+2 in
 * summer; in 2026 the clocks go forward on Sunday 29 March at 02:00 and back on Sunday 25 October at 03:00).
 */
class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final OpeningHours NINE_TO_FIVE = new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    static final BusinessCalendar OFFICE = BusinessCalendar.of(BERLIN, WeeklyHours.weekdays(NINE_TO_FIVE), Set.of());

    @Test
    void time_within_one_working_day_is_added_as_is() {
        // Monday 12 January 2026, 10:00 in Berlin + 4 h = 14:00 the same day.
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-12T10:00"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-01-12T13:00:00Z"));
    }

    @Test
    void the_weekend_is_skipped() {
        // Friday 16 January 15:00: 2 h until 17:00, the other 2 h on Monday 19 January from 09:00 -> 11:00 (10:00Z).
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-16T15:00"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-01-19T10:00:00Z"));
        assertThat(OFFICE.businessTimeBetween(berlin("2026-01-16T15:00"), berlin("2026-01-19T11:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void a_start_outside_the_hours_counts_from_the_next_opening() {
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-12T07:30"), Duration.ofHours(1)))
                .as("before opening").isEqualTo(berlin("2026-01-12T10:00"));
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-12T18:00"), Duration.ofHours(1)))
                .as("after closing").isEqualTo(berlin("2026-01-13T10:00"));
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-17T12:00"), Duration.ofMinutes(30)))
                .as("on Saturday").isEqualTo(berlin("2026-01-19T09:30"));
        assertThat(OFFICE.businessTimeBetween(berlin("2026-01-17T12:00"), berlin("2026-01-18T20:00")))
                .as("a whole weekend").isZero();
    }

    @Test
    void a_due_time_at_closing_stays_at_closing() {
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-12T09:00"), Duration.ofHours(8)))
                .isEqualTo(berlin("2026-01-12T17:00"));
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-12T09:00"), Duration.ofHours(8).plusMinutes(1)))
                .isEqualTo(berlin("2026-01-13T09:01"));
    }

    @Test
    void zero_business_time_is_the_start_itself() {
        assertThat(OFFICE.addBusinessTime(berlin("2026-01-17T12:00"), Duration.ZERO))
                .isEqualTo(berlin("2026-01-17T12:00"));
    }

    @Test
    void holidays_close_the_whole_day() {
        BusinessCalendar christmas = BusinessCalendar.of(BERLIN, WeeklyHours.weekdays(NINE_TO_FIVE),
                Set.of(LocalDate.of(2026, 12, 25)));
        // Thursday 24 December 16:00: 1 h that day; Friday 25 is a holiday, then the weekend; Monday 28 December
        // 09:00 + the remaining 3 h = 12:00 (11:00Z).
        assertThat(christmas.addBusinessTime(berlin("2026-12-24T16:00"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-12-28T11:00:00Z"));
        assertThat(christmas.businessTimeBetween(berlin("2026-12-24T00:00"), berlin("2026-12-29T00:00")))
                .as("Thursday and Monday only").isEqualTo(Duration.ofHours(16));
        assertThat(christmas.isOpenAt(berlin("2026-12-25T10:00"))).isFalse();
        assertThat(christmas.isOpenAt(berlin("2026-12-28T10:00"))).isTrue();
    }

    @Test
    void split_days_skip_the_lunch_break() {
        BusinessCalendar lunch = BusinessCalendar.of(BERLIN, WeeklyHours.weekdays(
                new OpeningHours(LocalTime.of(13, 0), LocalTime.of(17, 0)),
                new OpeningHours(LocalTime.of(9, 0), LocalTime.of(12, 0))), Set.of());
        assertThat(lunch.addBusinessTime(berlin("2026-01-13T11:30"), Duration.ofHours(1)))
                .isEqualTo(berlin("2026-01-13T13:30"));
        assertThat(lunch.businessTimeBetween(berlin("2026-01-13T08:00"), berlin("2026-01-13T20:00")))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void spring_forward_inside_the_hours_counts_the_real_elapsed_time() {
        // A night desk open 00:00-06:00 every day. On Sunday 29 March 2026 that is 00:00 CET (23:00Z on the 28th)
        // to 06:00 CEST (04:00Z): 5 real hours, because 02:00-03:00 does not exist.
        BusinessCalendar nights = BusinessCalendar.of(BERLIN,
                WeeklyHours.everyDay(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.of(6, 0))), Set.of());
        assertThat(nights.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(5));
        // 6 h from Sunday 00:00: 5 h on Sunday, 1 h from Monday 00:00 CEST (22:00Z on the 29th) -> 23:00Z.
        assertThat(nights.addBusinessTime(berlin("2026-03-29T00:00"), Duration.ofHours(6)))
                .isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
        // Within the night: 01:30 CET (00:30Z) + 1 h real = 03:30 CEST (01:30Z).
        assertThat(nights.addBusinessTime(berlin("2026-03-29T01:30"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void fall_back_inside_the_hours_counts_the_repeated_hour() {
        // Sunday 25 October 2026: 00:00 CEST (22:00Z on the 24th) to 06:00 CET (05:00Z) is 7 real hours.
        BusinessCalendar nights = BusinessCalendar.of(BERLIN,
                WeeklyHours.everyDay(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.of(6, 0))), Set.of());
        assertThat(nights.businessTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(nights.addBusinessTime(berlin("2026-10-25T00:00"), Duration.ofHours(7)))
                .isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
    }

    @Test
    void office_hours_across_a_daylight_saving_weekend_keep_wall_clock_times() {
        // Friday 27 March 16:00 CET (15:00Z) + 2 h: 1 h on Friday, then Monday 30 March 09:00 CEST + 1 h = 10:00
        // CEST (08:00Z). In real time that is 65 hours later, not 66: the office opens by its wall clock.
        Instant due = OFFICE.addBusinessTime(berlin("2026-03-27T16:00"), Duration.ofHours(2));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(Duration.between(berlin("2026-03-27T16:00"), due)).isEqualTo(Duration.ofHours(65));
        // And back in October: Friday 23 October 16:00 CEST (14:00Z) + 2 h -> Monday 26 October 10:00 CET (09:00Z).
        assertThat(OFFICE.addBusinessTime(berlin("2026-10-23T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void hours_that_the_clock_change_skips_are_empty_that_day() {
        // Open only on Sundays 02:30-03:30: on 29 March 2026 both ends fall into the gap and become 03:30 CEST, so
        // that Sunday has no open time; 30 minutes from Saturday end on Sunday 5 April at 03:00 CEST (01:00Z).
        BusinessCalendar gap = BusinessCalendar.of(BERLIN, WeeklyHours.of(Map.of(DayOfWeek.SUNDAY,
                List.of(new OpeningHours(LocalTime.of(2, 30), LocalTime.of(3, 30))))), Set.of());
        assertThat(gap.addBusinessTime(berlin("2026-03-28T12:00"), Duration.ofMinutes(30)))
                .isEqualTo(Instant.parse("2026-04-05T01:00:00Z"));
    }

    @Test
    void hours_may_run_to_midnight() {
        BusinessCalendar evenings = BusinessCalendar.of(BERLIN, WeeklyHours.of(Map.of(DayOfWeek.MONDAY,
                List.of(new OpeningHours(LocalTime.of(20, 0), LocalTime.MIDNIGHT)))), Set.of());
        // Monday 12 January 23:00 + 2 h: 1 h until midnight, then next Monday 20:00 + 1 h = 21:00 (20:00Z).
        assertThat(evenings.addBusinessTime(berlin("2026-01-12T23:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-01-19T20:00:00Z"));
        assertThat(OpeningHours.ofMinutes(1200, 1440)).isEqualTo(new OpeningHours(LocalTime.of(20, 0),
                LocalTime.MIDNIGHT));
    }

    @Test
    void always_open_is_calendar_time() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        Instant start = Instant.parse("2026-03-28T23:15:00Z");
        assertThat(always.addBusinessTime(start, Duration.ofHours(30))).isEqualTo(start.plus(Duration.ofHours(30)));
        assertThat(always.businessTimeBetween(start, start.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(always.businessTimeBetween(start, start.minusSeconds(90))).isZero();
    }

    @Test
    void adding_and_measuring_agree_everywhere() {
        BusinessCalendar calendar = BusinessCalendar.of(BERLIN, WeeklyHours.of(Map.of(
                DayOfWeek.MONDAY, List.of(NINE_TO_FIVE),
                DayOfWeek.WEDNESDAY, List.of(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.of(3, 0)),
                        new OpeningHours(LocalTime.of(22, 0), LocalTime.MIDNIGHT)),
                DayOfWeek.SUNDAY, List.of(new OpeningHours(LocalTime.of(1, 0), LocalTime.of(4, 0))))),
                Set.of(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 10, 26)));
        Random random = new Random(42);
        Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            Instant start = yearStart.plusSeconds(random.nextLong(365L * 24 * 3600));
            Duration business = Duration.ofMinutes(random.nextInt(60 * 40));
            Instant due = calendar.addBusinessTime(start, business);
            assertThat(calendar.businessTimeBetween(start, due)).as("from %s plus %s", start, business)
                    .isEqualTo(business);
        }
    }

    @Test
    void impossible_hours_are_refused_with_a_reason() {
        assertThatThrownBy(() -> new OpeningHours(LocalTime.of(22, 0), LocalTime.of(6, 0)))
                .isInstanceOf(SlaException.class).hasMessageContaining("cross midnight");
        assertThatThrownBy(() -> WeeklyHours.weekdays(NINE_TO_FIVE,
                new OpeningHours(LocalTime.of(16, 0), LocalTime.of(18, 0))))
                .isInstanceOf(SlaException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, WeeklyHours.of(Map.of()), Set.of()))
                .isInstanceOf(SlaException.class).hasMessageContaining("at least one open interval");
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
