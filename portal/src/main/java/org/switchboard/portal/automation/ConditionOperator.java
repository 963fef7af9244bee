package org.switchboard.portal.automation;

/** How a condition compares. Names are stored: never rename one. */
public enum ConditionOperator {
    EQUALS("is", true),
    NOT_EQUALS("is not", true),
    CONTAINS("contains", true),
    NOT_CONTAINS("does not contain", true),
    PRESENT("is present", false),
    ABSENT("is absent", false);

    private final String label;
    private final boolean needsValue;

    ConditionOperator(String label, boolean needsValue) {
        this.label = label;
        this.needsValue = needsValue;
    }

    public String label() {
        return label;
    }

    /** Whether the condition compares with a value (else it only asks whether there is one). */
    public boolean needsValue() {
        return needsValue;
    }
}
