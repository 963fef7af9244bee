package org.switchboard.portal.routing;

/** How a team's conversations get an agent. Names are stored: never rename one. */
public enum AssignmentMode {
    /** Agents take conversations themselves (or a supervisor assigns them). */
    MANUAL,
    /** The next available member in turn, skipping members who are away, offline or full. */
    ROUND_ROBIN,
    /** The available member with the fewest open conversations; ties go to the one assigned least recently. */
    LEAST_LOADED;

    public boolean automatic() {
        return this != MANUAL;
    }

    /** How the ASSIGNED event and the UI say it. */
    public String label() {
        return switch (this) {
            case MANUAL -> "manual";
            case ROUND_ROBIN -> "round robin";
            case LEAST_LOADED -> "least loaded";
        };
    }
}
