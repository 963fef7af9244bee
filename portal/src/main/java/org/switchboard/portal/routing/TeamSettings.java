package org.switchboard.portal.routing;

/**
 * A team with its routing settings, for the teams admin page.
 *
 * @param id                the team
 * @param name              its name
 * @param mode              how its conversations get an agent
 * @param reassignOnOffline whether an agent going offline hands their open conversations in this team back to it
 * @param memberCount       how many members it has
 */
public record TeamSettings(long id, String name, AssignmentMode mode, boolean reassignOnOffline, int memberCount) {
}
