package org.switchboard.portal.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * When a team works: weekly hours and holidays in a time zone. Measures durations in business time, e.g. "4 business
 * hours after Friday 15:00" is Monday 11:00 with Monday–Friday 09:00–17:00. Plain Java, immutable, thread-safe; the
 * SLA targets and the dashboards use it.
 *
 * <p>Business time is real elapsed time while open. The hours are wall-clock times in the calendar's zone, so on a
 * daylight-saving night an interval that spans the change is an hour shorter (spring) or longer (autumn) in real
 * time, as the clock on the office wall says; a wall-clock time the change skips is taken as the moment after the
 * gap. A holiday closes its whole local date.
 */
public final class BusinessCalendar {

    private static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(ZoneOffset.UTC, WeeklyHours.ALWAYS,
            Set.of(), true);
    /* Guards against a calendar that is never open; weekly hours with an open minute rule that out already. */
    private static final int MAX_DAYS = 366 * 200;

    private final ZoneId zone;
    private final WeeklyHours hours;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    private BusinessCalendar(ZoneId zone, WeeklyHours hours, Set<LocalDate> holidays, boolean alwaysOpen) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
        this.alwaysOpen = alwaysOpen;
    }

    /** Calendar time: open around the clock, every day, no holidays. */
    public static BusinessCalendar alwaysOpen() {
        return ALWAYS_OPEN;
    }

    /**
     * A calendar of weekly hours and holidays in a zone.
     *
     * @param holidays local dates (in {@code zone}) when it is closed all day
     * @throws SlaException when the weekly hours have no open time at all
     */
    public static BusinessCalendar of(ZoneId zone, WeeklyHours hours, Set<LocalDate> holidays) {
        Objects.requireNonNull(zone, "zone");
        if (hours.isClosedAllWeek()) {
            throw new SlaException("Business hours need at least one open interval in the week.");
        }
        return new BusinessCalendar(zone, hours, Set.copyOf(holidays), false);
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /**
     * The moment {@code businessTime} of open time has passed since {@code start}: the due time of a target. Starting
     * outside the hours counts from the next opening; a result exactly at a closing time stays there (Friday 17:00,
     * not Monday 09:00). Zero business time is {@code start} itself.
     */
    public Instant addBusinessTime(Instant start, Duration businessTime) {
        Objects.requireNonNull(start, "start");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + businessTime);
        }
        if (businessTime.isZero() || alwaysOpen) {
            return start.plus(businessTime);
        }
        Duration remaining = businessTime;
        LocalDate day = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (OpeningHours open : hours.on(day.getDayOfWeek())) {
                Instant from = later(open.opensOn(day, zone), start);
                Instant to = open.closesOn(day, zone);
                if (!to.isAfter(from)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("business time too long to place: " + businessTime);
    }

    /**
     * The open time between two moments, e.g. a first response time in business hours. Zero when {@code end} is not
     * after {@code start}.
     */
    public Duration businessTimeBetween(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(start, end);
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = LocalDate.ofInstant(start, zone); day.atStartOfDay(zone).toInstant().isBefore(end);
                day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (OpeningHours open : hours.on(day.getDayOfWeek())) {
                Instant from = later(open.opensOn(day, zone), start);
                Instant to = earlier(open.closesOn(day, zone), end);
                if (to.isAfter(from)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    /** Whether the calendar is open at a moment. */
    public boolean isOpenAt(Instant moment) {
        return businessTimeBetween(moment, moment.plusNanos(1)).isPositive();
    }

    @Override
    public String toString() {
        return alwaysOpen ? "24/7" : hours + " (" + zone + ", " + holidays.size() + " holidays)";
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
