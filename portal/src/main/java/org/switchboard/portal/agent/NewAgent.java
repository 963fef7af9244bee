package org.switchboard.portal.agent;

import java.util.Set;

/** What an admin enters to add a user. */
public record NewAgent(String email, String displayName, Set<Role> roles) {

    public NewAgent {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
