package org.switchboard.portal.routing;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;

/**
 * Counts each agent's signed-in Vaadin sessions (browsers): the first makes them available again, the end of the
 * last (sign-out, or the session expiring after the browser went away) makes them OFFLINE. A session counts from
 * its first UI opened while signed in (the login page's UI is anonymous). Counts live in this node's memory: one
 * node, sessions that do not survive a restart (see {@link Availability#nobodyIsSignedInAfterStart()}).
 */
@Component
class SignedInSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);
    private static final String AGENT = SignedInSessions.class.getName() + ".agent";

    private final Availability availability;
    private final AgentDirectory agents;
    private final Map<Long, Integer> sessions = new HashMap<>();

    SignedInSessions(Availability availability, AgentDirectory agents) {
        this.availability = availability;
        this.agents = agents;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> started(init.getUI().getSession()));
        event.getSource().addSessionDestroyListener(destroy -> ended(destroy.getSession()));
    }

    private void started(VaadinSession session) {
        if (session == null || session.getAttribute(AGENT) != null) {
            return;
        }
        RoleCheck.signedIn().flatMap(agents::findByEmail).map(AgentView::id).ifPresent(agentId -> {
            session.setAttribute(AGENT, agentId);
            opened(agentId);
        });
    }

    private void ended(VaadinSession session) {
        if (session.getAttribute(AGENT) instanceof Long agentId) {
            session.setAttribute(AGENT, null);
            closed(agentId);
        }
    }

    /*
     * Counting and the availability write happen under one lock, so a quick sign-out and sign-in never leave an agent
     * OFFLINE with a session open. Sessions start and end rarely; the lock is never contended for long.
     */

    /** A session of the agent started. */
    synchronized void opened(long agentId) {
        if (sessions.merge(agentId, 1, Integer::sum) == 1) {
            tryTo("mark agent #" + agentId + " available", () -> availability.signedIn(agentId));
        }
    }

    /** A session of the agent ended. */
    synchronized void closed(long agentId) {
        if (sessions.computeIfPresent(agentId, (id, count) -> count == 1 ? null : count - 1) == null) {
            tryTo("mark agent #" + agentId + " offline", () -> availability.signedOut(agentId));
        }
    }

    /** Signing in or out never fails because availability could not be stored (the database may be away). */
    private static void tryTo(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("Could not {}: {}", what, e.toString());
        }
    }

    synchronized int count(long agentId) {
        return sessions.getOrDefault(agentId, 0);
    }
}
