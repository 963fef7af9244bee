package org.switchboard.portal.automation;

/**
 * One condition of a rule; a rule acts when all of them hold.
 *
 * @param field    what it looks at
 * @param operator how it compares
 * @param key      the customer attribute's key for {@link ConditionField#ATTRIBUTE}, else {@code null}
 * @param value    what it compares with: a connector or account id, a label, an intent, a status or priority name,
 *                 a team or agent id, comma-separated words for the text; {@code null} for present/absent
 */
public record RuleCondition(ConditionField field, ConditionOperator operator, String key, String value) {

    public static RuleCondition of(ConditionField field, ConditionOperator operator, String value) {
        return new RuleCondition(field, operator, null, value);
    }

    public static RuleCondition attribute(String key, ConditionOperator operator, String value) {
        return new RuleCondition(ConditionField.ATTRIBUTE, operator, key, value);
    }
}
