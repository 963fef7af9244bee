package org.switchboard.portal.sla;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text forms of the business-hours form: a day's intervals as "09:00-12:00, 13:00-17:00" (empty: closed;
 * "24:00" ends at midnight), and holidays one per line as "2026-12-25 Christmas Day".
 */
public final class WeeklyHoursText {

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern HOLIDAY = Pattern.compile("(\\S+)\\s*(.*)");

    private WeeklyHoursText() {
    }

    /**
     * A day's intervals.
     *
     * @param day for the message, e.g. "Monday"
     * @throws SlaException when an interval is malformed or impossible
     */
    public static List<OpeningHours> parseDay(String text, String day) {
        List<OpeningHours> hours = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hours;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = INTERVAL.matcher(part.strip());
            if (!m.matches()) {
                throw new SlaException(day + ": \"" + part.strip()
                        + "\" is not an interval; write e.g. 09:00-17:00 (several separated by commas).");
            }
            hours.add(new OpeningHours(time(m.group(1), day), m.group(2).equals("24:00") ? LocalTime.MIDNIGHT
                    : time(m.group(2), day)));
        }
        return hours;
    }

    /** "09:00-12:00, 13:00-17:00"; empty for a closed day. */
    public static String formatDay(List<OpeningHours> hours) {
        return hours.stream().map(OpeningHours::toString).collect(Collectors.joining(", "));
    }

    /**
     * Holidays, one per line: a date (YYYY-MM-DD) and an optional name.
     *
     * @throws SlaException when a date is malformed
     */
    public static List<Holiday> parseHolidays(String text) {
        List<Holiday> holidays = new ArrayList<>();
        if (text == null) {
            return holidays;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = HOLIDAY.matcher(line.strip());
            m.matches();
            try {
                holidays.add(new Holiday(LocalDate.parse(m.group(1)), m.group(2)));
            } catch (DateTimeParseException e) {
                throw new SlaException("Holiday \"" + line.strip()
                        + "\": start the line with a date such as 2026-12-25, then the name.");
            }
        }
        return holidays;
    }

    /** One holiday per line, "2026-12-25 Christmas Day". */
    public static String formatHolidays(List<Holiday> holidays) {
        return holidays.stream().map(h -> (h.date() + " " + h.name()).strip()).collect(Collectors.joining("\n"));
    }

    private static LocalTime time(String text, String day) {
        try {
            String[] parts = text.split(":");
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (DateTimeException e) {
            throw new SlaException(day + ": " + text + " is not a time of day.");
        }
    }
}
