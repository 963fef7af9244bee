package org.switchboard.portal.automation;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a rule's conditions and actions: JSON arrays of the records' fields, e.g.
 * {@code [{"field":"TEXT","operator":"CONTAINS","key":null,"value":"refund, money back"}]}. Field and enum names are
 * stored, so they are never renamed.
 */
final class RuleJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleJson() {
    }

    static String writeConditions(List<RuleCondition> conditions) {
        return JSON.writeValueAsString(conditions);
    }

    static String writeActions(List<RuleAction> actions) {
        return JSON.writeValueAsString(actions);
    }

    static List<RuleCondition> readConditions(String json) {
        return JSON.readValue(json, new TypeReference<List<RuleCondition>>() { });
    }

    static List<RuleAction> readActions(String json) {
        return JSON.readValue(json, new TypeReference<List<RuleAction>>() { });
    }
}
