package org.switchboard.portal.routing;

/** Whether an agent takes new conversations. Names are stored: never rename one. */
public enum AvailabilityStatus {
    /** Takes new conversations. */
    ONLINE,
    /** Signed in, keeps their conversations, but gets no new ones. */
    AWAY,
    /** Not working: gets no new conversations; their team may hand theirs to colleagues. */
    OFFLINE;

    public String label() {
        return switch (this) {
            case ONLINE -> "Online";
            case AWAY -> "Away";
            case OFFLINE -> "Offline";
        };
    }
}
