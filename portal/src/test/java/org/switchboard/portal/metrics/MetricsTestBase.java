package org.switchboard.portal.metrics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;

/**
 * The metrics tests' shared context: a database of their own, the poller off (the tests drive refreshes and
 * rebuilds themselves, so nothing changes behind their back), and the business hours the fixture is computed in.
 */
@PortalTest
abstract class MetricsTestBase {

    static final String HOURS = "Metrics fixture hours";

    @DynamicPropertySource
    static void metricsProperties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        registry.add("switchboard.metrics.poller", () -> "false");
        registry.add("switchboard.metrics.business-hours", () -> HOURS);
    }
}
