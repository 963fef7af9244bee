package org.switchboard.portal.automation;

/** Whom a rule's notification goes to. Names are stored: never rename one. */
public enum NotifyRecipients {
    /** The agents the rule names. */
    AGENTS("Chosen agents"),
    /** The conversation's assignee when the rule runs. */
    ASSIGNEE("The assignee"),
    /** The members of the conversation's team when the rule runs. */
    TEAM("The conversation's team");

    private final String label;

    NotifyRecipients(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
