package org.switchboard.portal.agent;

import java.util.Set;

/** A portal user without secrets. */
public record AgentView(long id, String email, String displayName, Set<Role> roles, boolean enabled,
        boolean passwordChangeRequired) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.getId(), agent.getEmail(), agent.getDisplayName(), agent.getRoles(),
                agent.isEnabled(), agent.isPasswordChangeRequired());
    }
}
