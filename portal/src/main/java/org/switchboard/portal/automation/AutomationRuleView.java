package org.switchboard.portal.automation;

import java.util.List;

/**
 * An automation rule as admins edit it: when {@code trigger} happens and all {@code conditions} hold, the
 * {@code actions} run in order.
 *
 * @param id         its id, {@code null} when new
 * @param name       what it is for (unique; conversation events name it)
 * @param enabled    whether it runs
 * @param position   its place in the order rules run in (0 first); ignored when saving
 * @param trigger    what makes it look
 * @param conditions all must hold (at least one)
 * @param actions    what it does (at least one)
 */
public record AutomationRuleView(Long id, String name, boolean enabled, int position, AutomationTrigger trigger,
        List<RuleCondition> conditions, List<RuleAction> actions) {

    public AutomationRuleView {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A new, enabled rule. */
    public static AutomationRuleView of(String name, AutomationTrigger trigger, List<RuleCondition> conditions,
            List<RuleAction> actions) {
        return new AutomationRuleView(null, name, true, 0, trigger, conditions, actions);
    }
}
