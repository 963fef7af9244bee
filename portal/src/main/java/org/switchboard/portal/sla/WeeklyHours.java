package org.switchboard.portal.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The open intervals of each day of the week (none on a closed day), sorted and never overlapping. Touching
 * intervals (09:00–12:00, 12:00–17:00) are fine.
 */
public final class WeeklyHours {

    /** Open every day, all day. */
    public static final WeeklyHours ALWAYS = everyDay(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));

    private final Map<DayOfWeek, List<OpeningHours>> days;

    private WeeklyHours(Map<DayOfWeek, List<OpeningHours>> days) {
        this.days = days;
    }

    /**
     * Weekly hours from each day's intervals; days missing from the map are closed.
     *
     * @throws SlaException when two intervals of a day overlap
     */
    public static WeeklyHours of(Map<DayOfWeek, ? extends List<OpeningHours>> hours) {
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> given = hours.get(day);
            List<OpeningHours> sorted = given == null ? new ArrayList<>() : new ArrayList<>(given);
            sorted.sort(Comparator.comparingInt(OpeningHours::opensMinute));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new SlaException("On " + name(day) + " the hours " + sorted.get(i - 1) + " and "
                            + sorted.get(i) + " overlap.");
                }
            }
            days.put(day, List.copyOf(sorted));
        }
        return new WeeklyHours(days);
    }

    /** The same hours Monday to Friday, closed at weekends. */
    public static WeeklyHours weekdays(OpeningHours... hours) {
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, List.of(hours));
            }
        }
        return of(days);
    }

    /** The same hours every day of the week. */
    public static WeeklyHours everyDay(OpeningHours... hours) {
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(hours));
        }
        return of(days);
    }

    /** The intervals of a day, earliest first; empty when closed. */
    public List<OpeningHours> on(DayOfWeek day) {
        return days.get(day);
    }

    /** Whether no day has any open interval. */
    public boolean isClosedAllWeek() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    /** Nominal open minutes per week (wall-clock, before holidays and daylight-saving changes). */
    public int minutesPerWeek() {
        return days.values().stream().flatMap(List::stream)
                .mapToInt(h -> h.closesMinute() - h.opensMinute()).sum();
    }

    /** "Mon 09:00-17:00; Tue 09:00-12:00, 13:00-17:00; ..." (closed days left out). */
    @Override
    public String toString() {
        return days.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                        + e.getValue().stream().map(OpeningHours::toString).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours that && days.equals(that.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
