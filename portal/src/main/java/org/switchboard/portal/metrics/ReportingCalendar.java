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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportingCalendar.class);

    private final SlaSettings sla;
    private final MetricsProperties properties;
    private volatile boolean warned;

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
                        .orElse(null);
        if (chosen == null && properties.businessHours() != null && !warned) {
            // Reports still work (in calendar time); the footnote and the log say why business hours look off.
            log.warn("switchboard.metrics.business-hours names \"{}\", but there are no such business hours;"
                    + " measuring business time as 24/7", properties.businessHours());
            warned = true;
        }
        BusinessCalendar calendar = chosen == null ? BusinessCalendar.alwaysOpen() : chosen.calendar();
        ZoneId zone;
        try {
            zone = properties.zone() != null ? ZoneId.of(properties.zone())
                    : chosen != null ? calendar.zone() : ZoneOffset.UTC;
        } catch (DateTimeException e) {
            throw new MetricsException("switchboard.metrics.zone \"" + properties.zone()
                    + "\" is not a time zone; use a region such as Europe/Berlin.");
        }
        String name = chosen != null ? chosen.name() : properties.businessHours() == null ? null
                : "\"" + properties.businessHours() + "\" not found, so 24/7";
        return new Choice(name, calendar, zone);
    }

    private record Choice(String name, BusinessCalendar calendar, ZoneId zone) {
    }
}
