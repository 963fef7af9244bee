package org.switchboard.portal.agent;

/** Where an account stands, as admins see it. */
public enum AgentState {
    /** Signs in normally. */
    ACTIVE("Active"),
    /** Was mailed an invitation link and has not chosen a password yet. */
    INVITED("Invited"),
    /** Has a one-time password to change at the next sign-in. */
    ONE_TIME_PASSWORD("Must change password"),
    /** Cannot sign in. */
    DISABLED("Disabled");

    private final String label;

    AgentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
