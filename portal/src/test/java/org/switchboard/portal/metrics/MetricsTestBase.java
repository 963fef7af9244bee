package org.switchboard.portal.metrics;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.sla.BusinessHoursSettings;
import org.switchboard.portal.sla.OpeningHours;
import org.switchboard.portal.sla.SlaSettings;
import org.switchboard.portal.sla.WeeklyHours;

/**
 * The metrics tests' shared context: a database of their own, the poller off (the tests drive refreshes and
 * rebuilds themselves, so nothing changes behind their back), the AI off (no bot events of its own), and the
 * business hours the fixture is computed in. Subclasses run as a supervisor ({@code @WithMockUser}).
 */
@PortalTest
abstract class MetricsTestBase {

    static final String HOURS = "Metrics fixture hours";

    @Autowired
    SlaSettings slaSettings;

    @DynamicPropertySource
    static void metricsProperties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        registry.add("switchboard.metrics.poller", () -> "false");
        registry.add("switchboard.ai.enabled", () -> "false");
        registry.add("switchboard.metrics.business-hours", () -> HOURS);
    }

    /** Monday to Friday 09:00–17:00 in Berlin. */
    @BeforeEach
    void businessHours() {
        if (slaSettings.businessHours().stream().noneMatch(h -> h.name().equals(HOURS))) {
            slaSettings.saveBusinessHours(new BusinessHoursSettings(null, HOURS, "Europe/Berlin",
                    WeeklyHours.weekdays(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0))), List.of()));
        }
    }
}
