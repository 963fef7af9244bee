package org.switchboard.portal.routing;

/**
 * An agent's availability changed (published inside the changing transaction; listen after commit).
 *
 * @param agentId  the agent
 * @param previous what it was
 * @param status   what it is now
 */
public record AvailabilityChanged(long agentId, AvailabilityStatus previous, AvailabilityStatus status) {
}
