package org.switchboard.portal.agent;

/**
 * A user just created and their one-time password, to show the admin once (only its hash is stored).
 */
public record AgentWithPassword(AgentView agent, String oneTimePassword) {

    @Override
    public String toString() {
        return "AgentWithPassword[agent=" + agent + ", oneTimePassword=***]";
    }
}
