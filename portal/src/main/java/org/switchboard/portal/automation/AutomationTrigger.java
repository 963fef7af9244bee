package org.switchboard.portal.automation;

/** What makes a rule look at a conversation. Names are stored: never rename one. */
public enum AutomationTrigger {
    /** A customer's message was stored (on any channel). */
    MESSAGE_CREATED("A customer message is created"),
    /** A new conversation was started (by a customer's first message, or split off another). */
    CONVERSATION_CREATED("A conversation is created"),
    /**
     * Status, assignee, team, priority, labels, intent or sentiment changed, by anyone but a rule (an agent, the
     * router, the classifiers, the customer reopening it).
     */
    CONVERSATION_UPDATED("A conversation is updated"),
    /** An SLA target was missed. */
    SLA_BREACHED("An SLA is breached");

    private final String label;

    AutomationTrigger(String label) {
        this.label = label;
    }

    /** What the rules page shows. */
    public String label() {
        return label;
    }
}
