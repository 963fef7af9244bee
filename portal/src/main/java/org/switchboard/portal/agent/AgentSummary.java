package org.switchboard.portal.agent;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A row of the agents list.
 *
 * @param teams        the names of their teams, sorted
 * @param state        what they can do now
 * @param lastSignInAt when they last signed in, {@code null} if never
 */
public record AgentSummary(long id, String email, String displayName, Set<Role> roles, List<String> teams,
        AgentState state, Instant lastSignInAt, Instant createdAt) {
}
