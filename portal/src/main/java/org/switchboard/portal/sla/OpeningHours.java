package org.switchboard.portal.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One open interval of a day, wall-clock time in the calendar's zone, from {@code opens} (inclusive) to
 * {@code closes} (exclusive). {@code closes} of 00:00 means midnight at the end of the day ("24:00"). An interval
 * never crosses midnight: a night shift is two intervals, 22:00–24:00 and 00:00–06:00 of the next day, which keeps
 * "is this day a holiday?" unambiguous.
 *
 * @param opens  when it opens
 * @param closes when it closes; 00:00 for the end of the day
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        if (opens == null || closes == null) {
            throw new SlaException("Opening hours need a start and an end time.");
        }
        opens = opens.withSecond(0).withNano(0);
        closes = closes.withSecond(0).withNano(0);
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new SlaException("Opening hours " + text(opens, closes) + " must end after they start; hours "
                    + "that cross midnight are two intervals, e.g. 22:00-24:00 and 00:00-06:00 of the next day.");
        }
    }

    /** Hours from one minute of the day to another (0–1440; 1440 is the end of the day). */
    public static OpeningHours ofMinutes(int opensMinute, int closesMinute) {
        if (opensMinute < 0 || opensMinute >= 1440 || closesMinute <= 0 || closesMinute > 1440) {
            throw new SlaException("Opening hours are between 00:00 and 24:00.");
        }
        return new OpeningHours(LocalTime.ofSecondOfDay(opensMinute * 60L),
                closesMinute == 1440 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(closesMinute * 60L));
    }

    /** The opening time as minutes since midnight. */
    public int opensMinute() {
        return opens.getHour() * 60 + opens.getMinute();
    }

    /** The closing time as minutes since midnight; 1440 for the end of the day. */
    public int closesMinute() {
        return closes.equals(LocalTime.MIDNIGHT) ? 1440 : closes.getHour() * 60 + closes.getMinute();
    }

    /**
     * When these hours open on a day. A wall-clock time skipped by a daylight-saving change moves forward by the
     * gap (02:30 on the spring-forward night is 03:30); a time that occurs twice takes its first occurrence.
     */
    Instant opensOn(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    /** When these hours close on a day (the next day's start for "24:00"). */
    Instant closesOn(LocalDate day, ZoneId zone) {
        return closes.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, closes, zone).toInstant();
    }

    boolean overlaps(OpeningHours other) {
        return opensMinute() < other.closesMinute() && other.opensMinute() < closesMinute();
    }

    @Override
    public String toString() {
        return text(opens, closes);
    }

    private static String text(LocalTime opens, LocalTime closes) {
        return opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
    }
}
