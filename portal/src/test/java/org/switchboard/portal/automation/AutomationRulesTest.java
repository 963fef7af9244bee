package org.switchboard.portal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.portal.automation.AutomationFixture.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditEntry;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.routing.Teams;

/** Saving rules: what is refused and why (nothing is saved then), who may change them, order and audit. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class AutomationRulesTest extends PortalTest.Base {

    @Autowired
    AutomationRules rules;
    @Autowired
    Teams teams;
    @Autowired
    AgentDirectory agents;
    @Autowired
    CannedResponses cannedResponses;
    @Autowired
    AuditLog audit;

    final List<Long> created = new ArrayList<>();

    @AfterEach
    void deleteRules() {
        created.forEach(rules::delete);
    }

    @Test
    void incomplete_rules_and_rules_naming_what_does_not_exist_are_refused_with_a_clear_message() {
        long agent = agents.create(unique("una-") + "@example.test", "Una Agent", "a long enough password",
                Set.of(Role.AGENT)).id();
        long personal = cannedResponses.create(agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow(),
                unique("mine"), "Mine", "Only mine", false).id();
        RuleCondition any = RuleCondition.of(ConditionField.STATUS, ConditionOperator.EQUALS, "open");
        RuleAction label = RuleAction.addLabel("fine");
        int before = rules.list().size();

        refused(rule(List.of(any), List.of()), "A rule needs at least one action.");
        refused(rule(List.of(), List.of(label)), "A rule needs at least one condition.");
        refused(new AutomationRuleView(null, " ", true, 0, AutomationTrigger.MESSAGE_CREATED, List.of(any),
                List.of(label)), "A rule needs a name of 1–200 characters.");
        refused(new AutomationRuleView(null, "No trigger", true, 0, null, List.of(any), List.of(label)),
                "Choose when the rule runs.");
        refused(rule(List.of(any), List.of(label, RuleAction.assignTeam(987_654_321L))),
                "Action 2: there is no team #987654321.");
        refused(rule(List.of(any), List.of(RuleAction.assignAgent(987_654_321L))),
                "Action 1: there is no enabled agent #987654321.");
        refused(rule(List.of(any), List.of(RuleAction.cannedReply(987_654_321L))),
                "Action 1: there is no shared canned response #987654321 (rules send shared responses only).");
        refused(rule(List.of(any), List.of(RuleAction.cannedReply(personal))),
                "Action 1: there is no shared canned response #" + personal + " (rules send shared responses only).");
        refused(rule(List.of(any), List.of(RuleAction.addLabel("not a label!"))),
                "Action 1: A label is 1–64 letters, digits, '-', '_' or ':' (got \"not a label!\").");
        refused(rule(List.of(any), List.of(RuleAction.notifyAgents(List.of(), "Look"))),
                "Action 1 (Notify): choose at least one agent to notify.");
        refused(rule(List.of(any), List.of(RuleAction.notifyAgents(List.of(agent), " "))),
                "Action 1 (Notify): write the message agents see (1–500 characters).");
        refused(rule(List.of(any), List.of(new RuleAction(ActionType.SET_PRIORITY, "extreme", null, null))),
                "Action 1: “extreme” is not a priority (low, normal, high, urgent).");
        refused(rule(List.of(RuleCondition.of(ConditionField.CHANNEL, ConditionOperator.CONTAINS, "mail")),
                List.of(label)), "Condition 1 (Channel): choose one of “is”, “is not”.");
        refused(rule(List.of(any, RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, " , ,")),
                List.of(label)), "Condition 2 (Message text): enter at least one word.");
        refused(rule(List.of(RuleCondition.attribute(unique("nokey"), ConditionOperator.PRESENT, null)),
                List.of(label)), "Condition 1: there is no customer attribute “nokey");
        refused(rule(List.of(RuleCondition.of(ConditionField.INTENT, ConditionOperator.EQUALS, null)),
                List.of(label)), "Condition 1 (Intent): enter a value.");
        refused(rule(List.of(RuleCondition.of(ConditionField.TEAM, ConditionOperator.EQUALS, "sales")),
                List.of(label)), "Condition 1: there is no team #sales.");

        assertThat(rules.list()).hasSize(before);
    }

    @Test
    void a_saved_rule_is_cleaned_up_and_a_second_rule_with_its_name_is_refused() {
        long team = teams.create(unique("Sales ")).id();
        String name = unique("Leads ");
        AutomationRuleView saved = save(AutomationRuleView.of("  " + name + "  ", AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, "Price, QUOTE,,price"),
                        RuleCondition.of(ConditionField.LABEL, ConditionOperator.NOT_EQUALS, "Big Deal"),
                        RuleCondition.of(ConditionField.STATUS, ConditionOperator.EQUALS, "open"),
                        RuleCondition.of(ConditionField.ASSIGNEE, ConditionOperator.ABSENT, "ignored")),
                List.of(RuleAction.assignTeam(team), RuleAction.addLabel("Sales Lead"))));

        assertThat(saved.name()).isEqualTo(name);
        assertThat(saved.conditions()).extracting(RuleCondition::value)
                .containsExactly("price, quote", "big-deal", "OPEN", null);
        assertThat(saved.actions()).extracting(RuleAction::value).containsExactly(Long.toString(team), "sales-lead");
        assertThat(rules.list()).contains(saved);

        refused(AutomationRuleView.of(name.toUpperCase(), AutomationTrigger.SLA_BREACHED, saved.conditions(),
                saved.actions()), "A rule named “" + name.toUpperCase() + "” exists already.");
        AutomationRuleView renamed = rules.save(new AutomationRuleView(saved.id(), name + " renamed", true, 0,
                AutomationTrigger.CONVERSATION_CREATED, saved.conditions(), List.of(RuleAction.priority(
                Priority.HIGH))));
        assertThat(renamed.trigger()).isEqualTo(AutomationTrigger.CONVERSATION_CREATED);
        assertThat(renamed.position()).isEqualTo(saved.position());
    }

    @Test
    void rules_are_reordered_and_every_change_is_audited() {
        AutomationRuleView first = save(simple(unique("First ")));
        AutomationRuleView second = save(simple(unique("Second ")));
        assertThat(second.position()).isGreaterThan(first.position());

        rules.move(second.id(), true);
        assertThat(order()).containsSubsequence(second.id(), first.id());
        rules.move(second.id(), false);
        assertThat(order()).containsSubsequence(first.id(), second.id());
        rules.setEnabled(first.id(), false);
        assertThat(rules.list().stream().filter(r -> r.id().equals(first.id())).findFirst().orElseThrow().enabled())
                .isFalse();
        rules.delete(second.id());
        created.remove(second.id());
        assertThat(order()).doesNotContain(second.id());

        Function<String, List<String>> audited = action -> audit.latest(action, 50).stream()
                .filter(e -> TestData.ADMIN_EMAIL.equals(e.getActor())).map(AuditEntry::getTarget).toList();
        assertThat(audited.apply(AutomationRules.AUDIT_CREATED)).contains("automation-rule:" + first.id(),
                "automation-rule:" + second.id());
        assertThat(audited.apply(AutomationRules.AUDIT_MOVED)).contains("automation-rule:" + second.id());
        assertThat(audited.apply(AutomationRules.AUDIT_DISABLED)).contains("automation-rule:" + first.id());
        assertThat(audited.apply(AutomationRules.AUDIT_DELETED)).contains("automation-rule:" + second.id());
    }

    @Test
    @WithMockUser(username = "supervisor@example.test", roles = {"SUPERVISOR", "AGENT"})
    void a_supervisor_sees_the_rules_but_cannot_change_them() {
        assertThat(rules.list()).isNotNull();
        assertThatThrownBy(() -> rules.save(simple("Sneaky"))).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only admins change automation rules.");
        assertThatThrownBy(() -> rules.delete(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.setEnabled(1, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.move(1, true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "agent@example.test", roles = {"AGENT"})
    void an_agent_cannot_even_list_the_rules() {
        assertThatThrownBy(() -> rules.list()).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only supervisors and admins see automation rules.");
    }

    private AutomationRuleView save(AutomationRuleView rule) {
        AutomationRuleView saved = rules.save(rule);
        created.add(saved.id());
        return saved;
    }

    private List<Long> order() {
        return rules.list().stream().map(AutomationRuleView::id).toList();
    }

    private void refused(AutomationRuleView rule, String message) {
        assertThatThrownBy(() -> save(rule)).isInstanceOf(AutomationException.class).hasMessageStartingWith(message);
    }

    private static AutomationRuleView rule(List<RuleCondition> conditions, List<RuleAction> actions) {
        return AutomationRuleView.of(unique("Refused "), AutomationTrigger.MESSAGE_CREATED, conditions, actions);
    }

    private static AutomationRuleView simple(String name) {
        return AutomationRuleView.of(name, AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, unique("never"))),
                List.of(RuleAction.addLabel("never")));
    }
}
