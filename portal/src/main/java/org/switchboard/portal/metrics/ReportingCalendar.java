package org.switchboard.portal.metrics;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import org.switchboard.portal.sla.BusinessCalendar;
import org.switchboard.portal.sla.BusinessHoursSettings;
import org.switchboard.portal.sla.SlaSettings;

/**
 * The business hours and time zone reports use: the schedule named by {@code switchboard.metrics.business-hours}
 * (else the first by name, else 24/7) and {@code switchboard.metrics.zone} (else that schedule's zone, else UTC).
 */
@Component
class ReportingCalendar {

    private final SlaSettings sla;
    private final MetricsProperties properties;

    ReportingCalendar(SlaSettings sla, MetricsProperties properties) {
        this.sla = sla;
        this.properties = properties;
    }

    /** The projector for the current settings. */
    FactProjector projector() {
        Choice choice = choose();
        return new FactProjector(choice.calendar(), choice.zone());
    }

    ZoneId zone() {
        return choose().zone();
    }

    /** "Berlin office (Europe/Berlin)" or "24/7 (UTC)": for the dashboards' footnote. */
    String describe() {
        Choice choice = choose();
        return (choice.name() == null ? "24/7" : choice.name()) + ", days in " + choice.zone().getId();
    }

    private Choice choose() {
        List<BusinessHoursSettings> schedules = sla.businessHours();
        BusinessHoursSettings chosen = properties.businessHours() == null
                ? schedules.stream().findFirst().orElse(null)
                : schedules.stream().filter(s -> s.name().equalsIgnoreCase(properties.businessHours())).findFirst()
                        .orElseThrow(() -> new MetricsException("switchboard.metrics.business-hours names \""
                                + properties.businessHours() + "\", but there are no such business hours."));
        BusinessCalendar calendar = chosen == null ? BusinessCalendar.alwaysOpen() : chosen.calendar();
        ZoneId zone;
        try {
            zone = properties.zone() != null ? ZoneId.of(properties.zone())
                    : chosen != null ? calendar.zone() : ZoneOffset.UTC;
        } catch (DateTimeException e) {
            throw new MetricsException("switchboard.metrics.zone \"" + properties.zone()
                    + "\" is not a time zone; use a region such as Europe/Berlin.");
        }
        return new Choice(chosen == null ? null : chosen.name(), calendar, zone);
    }

    private record Choice(String name, BusinessCalendar calendar, ZoneId zone) {
    }
}
