package org.switchboard.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;

/** Availability follows an agent's sessions: the first makes them available, the end of the last offline. */
@PortalTest
class SessionAvailabilityTest extends PortalTest.Base {

    @Autowired
    SignedInSessions sessions;
    @Autowired
    Availability availability;
    @Autowired
    AgentDirectory agents;

    @Test
    void the_end_of_an_agents_last_session_makes_them_offline() {
        long agent = agent();
        assertThat(availability.of(agent)).isEqualTo(AvailabilityStatus.OFFLINE);

        sessions.opened(agent);
        assertThat(availability.of(agent)).isEqualTo(AvailabilityStatus.ONLINE);
        sessions.opened(agent);
        sessions.closed(agent);
        assertThat(availability.of(agent)).as("another browser is still signed in").isEqualTo(AvailabilityStatus.ONLINE);
        sessions.closed(agent);
        assertThat(availability.of(agent)).isEqualTo(AvailabilityStatus.OFFLINE);
    }

    @Test
    void signing_in_again_restores_away_when_the_agent_chose_it_and_online_otherwise() {
        long agent = agent();
        sessions.opened(agent);
        availability.change(agent, AvailabilityStatus.AWAY, true);
        sessions.closed(agent);
        assertThat(availability.of(agent)).isEqualTo(AvailabilityStatus.OFFLINE);
        sessions.opened(agent);
        assertThat(availability.of(agent)).isEqualTo(AvailabilityStatus.AWAY);

        availability.change(agent, AvailabilityStatus.OFFLINE, true);
        sessions.closed(agent);
        sessions.opened(agent);
        assertThat(availability.of(agent)).as("signing in means coming to work").isEqualTo(AvailabilityStatus.ONLINE);
        sessions.closed(agent);
    }

    private long agent() {
        return agents.create("session-" + UUID.randomUUID() + "@example.test", "Session Sam", "a long enough password",
                Set.of(Role.AGENT)).id();
    }
}
