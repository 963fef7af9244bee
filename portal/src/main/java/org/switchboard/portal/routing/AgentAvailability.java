package org.switchboard.portal.routing;

/**
 * An agent as routing shows them: for team member lists and transfer dialogs.
 *
 * @param agentId     the agent
 * @param displayName their name
 * @param email       their login
 * @param status      their availability now
 */
public record AgentAvailability(long agentId, String displayName, String email, AvailabilityStatus status) {
}
