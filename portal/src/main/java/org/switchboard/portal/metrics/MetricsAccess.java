package org.switchboard.portal.metrics;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;

/**
 * Who may read which figures, checked in the service (a view is no security boundary): supervisors and admins read
 * everything; an agent reads only figures filtered to themselves.
 */
@Component
class MetricsAccess {

    private final AgentDirectory agents;

    MetricsAccess(AgentDirectory agents) {
        this.agents = agents;
    }

    /** Whether the signed-in user is a supervisor or admin. */
    boolean isSupervisor() {
        Authentication who = signedIn();
        return who.getAuthorities().stream().anyMatch(a -> Role.SUPERVISOR.authority().equals(a.getAuthority())
                || Role.ADMIN.authority().equals(a.getAuthority()));
    }

    /** Whether the signed-in user is an admin. */
    boolean isAdmin() {
        return signedIn().getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }

    /**
     * @throws AccessDeniedException unless a supervisor asks, or an agent asks about themselves only
     */
    void check(MetricsFilter filter) {
        if (isSupervisor()) {
            return;
        }
        AgentView self = self();
        if (!filter.agentIds().equals(Set.of(self.id()))) {
            throw new AccessDeniedException("Agents see their own figures only.");
        }
    }

    /** @throws AccessDeniedException unless a supervisor or admin is signed in */
    void requireSupervisor(String what) {
        if (!isSupervisor()) {
            throw new AccessDeniedException("Only supervisors and admins " + what + ".");
        }
    }

    AgentView self() {
        String email = signedIn().getName();
        return agents.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Unknown user " + email + "."));
    }

    private static Authentication signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Sign in to see figures.");
        }
        return who;
    }
}
