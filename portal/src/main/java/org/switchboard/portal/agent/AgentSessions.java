package org.switchboard.portal.agent;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's signed-in sessions on this node (when an admin disables them). Two layers, because a Vaadin UI
 * talks over a WebSocket that no servlet filter sees: the session is marked expired in Spring Security's
 * {@link SessionRegistry} (its filter refuses the next HTTP request), and the HTTP session itself is invalidated,
 * which ends the Vaadin session, closes its UIs and their push connections. Sessions live in this node's memory
 * (single node; see docs/users-and-security.md).
 */
@Component
class AgentSessions implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    private final SessionRegistry registry;
    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

    AgentSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.put(event.getSession().getId(), event.getSession());
    }

    /* Signing in changes the session id (session fixation protection). */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        live.remove(oldSessionId);
        live.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession().getId());
    }

    /** Ends every session of the user; returns how many there were. */
    int endSessionsOf(String email) {
        List<SessionInformation> sessions = registry.getAllPrincipals().stream()
                .filter(principal -> email.equalsIgnoreCase(nameOf(principal)))
                .flatMap(principal -> registry.getAllSessions(principal, false).stream()).toList();
        for (SessionInformation session : sessions) {
            session.expireNow();
            HttpSession http = live.remove(session.getSessionId());
            if (http != null) {
                try {
                    http.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    log.debug("Session of {} already ended", email);
                }
            }
        }
        return sessions.size();
    }

    static String nameOf(Object principal) {
        if (principal instanceof UserDetails user) {
            return user.getUsername();
        }
        if (principal instanceof AuthenticatedPrincipal named) {
            return named.getName();
        }
        return String.valueOf(principal);
    }
}
