package org.switchboard.portal.sla;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Business hours as admins edit them.
 *
 * @param id       its id, {@code null} when new
 * @param name     e.g. "Berlin office"
 * @param timeZone a region id such as {@code Europe/Berlin}
 * @param hours    the weekly open intervals
 * @param holidays dates when it is closed all day
 */
public record BusinessHoursSettings(Long id, String name, String timeZone, WeeklyHours hours,
        List<Holiday> holidays) {

    public BusinessHoursSettings {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /**
     * The calendar these hours describe.
     *
     * @throws SlaException when the zone is unknown or no time is open
     */
    public BusinessCalendar calendar() {
        return BusinessCalendar.of(zone(timeZone), hours,
                holidays.stream().map(Holiday::date).collect(Collectors.toSet()));
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (java.time.DateTimeException e) {
            throw new SlaException("Unknown time zone \"" + timeZone + "\"; use a region such as Europe/Berlin.");
        }
    }

    /** Whether a date is one of the holidays. */
    public boolean isHoliday(LocalDate date) {
        return holidays.stream().anyMatch(h -> h.date().equals(date));
    }
}
