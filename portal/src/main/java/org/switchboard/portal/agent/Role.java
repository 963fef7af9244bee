package org.switchboard.portal.agent;

/** What a portal user may do. Roles are cumulative: an admin is also a supervisor and an agent. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
