package org.switchboard.portal.automation;

import static org.switchboard.portal.automation.ConditionOperator.ABSENT;
import static org.switchboard.portal.automation.ConditionOperator.CONTAINS;
import static org.switchboard.portal.automation.ConditionOperator.EQUALS;
import static org.switchboard.portal.automation.ConditionOperator.NOT_CONTAINS;
import static org.switchboard.portal.automation.ConditionOperator.NOT_EQUALS;
import static org.switchboard.portal.automation.ConditionOperator.PRESENT;

import java.util.List;

/** What a condition looks at, and the operators that make sense for it. Names are stored: never rename one. */
public enum ConditionField {
    /** The channel the triggering message came on (else the customer's last): a connector id or an account id. */
    CHANNEL("Channel", List.of(EQUALS, NOT_EQUALS)),
    /** The conversation's latest intent classification. */
    INTENT("Intent", List.of(EQUALS, NOT_EQUALS, PRESENT, ABSENT)),
    /** The conversation's latest sentiment classification. */
    SENTIMENT("Sentiment", List.of(EQUALS, NOT_EQUALS, PRESENT, ABSENT)),
    /** "is" = has the label, "is not" = lacks it; present/absent = has any label / none. */
    LABEL("Label", List.of(EQUALS, NOT_EQUALS, CONTAINS, PRESENT, ABSENT)),
    /** A customer attribute (the condition's key) compared with the value. */
    ATTRIBUTE("Customer attribute", List.of(EQUALS, NOT_EQUALS, CONTAINS, PRESENT, ABSENT)),
    /**
     * The triggering customer message's text (for other triggers: the latest customer message), containing any of
     * the comma-separated words, ignoring case.
     */
    TEXT("Message text", List.of(CONTAINS, NOT_CONTAINS)),
    STATUS("Status", List.of(EQUALS, NOT_EQUALS)),
    PRIORITY("Priority", List.of(EQUALS, NOT_EQUALS)),
    /** The conversation's team (value: team id). */
    TEAM("Team", List.of(EQUALS, NOT_EQUALS, PRESENT, ABSENT)),
    /** The conversation's assignee (value: agent id). */
    ASSIGNEE("Assignee", List.of(EQUALS, NOT_EQUALS, PRESENT, ABSENT));

    private final String label;
    private final List<ConditionOperator> operators;

    ConditionField(String label, List<ConditionOperator> operators) {
        this.label = label;
        this.operators = operators;
    }

    public String label() {
        return label;
    }

    /** The operators this field allows, the default first. */
    public List<ConditionOperator> operators() {
        return operators;
    }
}
