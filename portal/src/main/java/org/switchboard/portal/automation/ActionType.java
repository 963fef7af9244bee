package org.switchboard.portal.automation;

/** What a rule does. Names are stored: never rename one. */
public enum ActionType {
    ASSIGN_TEAM("Assign to team"),
    ASSIGN_AGENT("Assign to agent"),
    UNASSIGN("Unassign"),
    ADD_LABEL("Add label"),
    REMOVE_LABEL("Remove label"),
    SET_PRIORITY("Set priority"),
    /** Open, pending, resolved, or snoozed until the customer replies. */
    SET_STATUS("Set status"),
    /** A shared canned response, its variables filled, sent on the customer's last channel. */
    SEND_CANNED_REPLY("Send canned reply"),
    /** A message in the bell of chosen agents, the assignee, or the conversation's team. */
    NOTIFY("Notify");

    private final String label;

    ActionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
