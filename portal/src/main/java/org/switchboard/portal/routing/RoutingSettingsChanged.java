package org.switchboard.portal.routing;

/**
 * A routing setting changed that may let waiting conversations be assigned now (a team became automatic or got a
 * member, an agent's capacity was raised); published in the changing transaction, acted on after commit.
 *
 * @param teamId  the team whose queue to look at, or null
 * @param agentId the agent whose teams' queues to look at, or null
 */
record RoutingSettingsChanged(Long teamId, Long agentId) {
}
