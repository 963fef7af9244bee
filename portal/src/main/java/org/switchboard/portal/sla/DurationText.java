package org.switchboard.portal.sla;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets as people type them: "30m", "4h", "1h 30m". Only hours and minutes: in business time a "day" is
 * ambiguous (24 hours or one working day?), so an 8-hour working day is written "8h".
 */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("(?:(\\d{1,5})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?");

    private DurationText() {
    }

    /**
     * Parses a target; blank means none ({@code null}).
     *
     * @throws SlaException when it is not hours and minutes
     */
    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = TEXT.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new SlaException("The " + what + " target \"" + text.strip()
                    + "\" is not a time; write hours and minutes, e.g. 30m, 4h or 1h 30m.");
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    /** "1h 30m", "4h", "45m"; "none" for {@code null}. */
    public static String format(Duration duration) {
        if (duration == null) {
            return "none";
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + "m";
        }
        return minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
    }
}
