package org.switchboard.portal.routing;

/**
 * A team, for pickers and inbox filters.
 *
 * @param id   the team
 * @param name its name
 */
public record TeamSummary(long id, String name) {
}
