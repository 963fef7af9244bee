package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.automation.ActionType;
import org.switchboard.portal.automation.AutomationRuleView;
import org.switchboard.portal.automation.AutomationRules;
import org.switchboard.portal.automation.AutomationTrigger;
import org.switchboard.portal.automation.ConditionField;
import org.switchboard.portal.automation.ConditionOperator;
import org.switchboard.portal.automation.NotifyRecipients;
import org.switchboard.portal.automation.RuleAction;
import org.switchboard.portal.automation.RuleCondition;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.routing.Teams;

/** Admins build rules from condition and action rows, edit, switch off, reorder and delete them; supervisors look. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class AutomationRulesViewTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    AutomationRules service;
    @Autowired
    Teams teams;
    @Autowired
    AgentDirectory agents;
    @Autowired
    ChannelAccounts accounts;

    @Test
    void an_admin_builds_a_rule_from_rows_edits_it_switches_it_off_moves_and_deletes_it() {
        if (accounts.listByConnector("webchat").isEmpty()) {
            accounts.create("Chat", "webchat", Map.of());
        }
        String teamName = "Refunds " + UUID.randomUUID();
        long team = teams.create(teamName).id();
        long agent = agents.create("rafa-" + UUID.randomUUID() + "@example.test", "Rafa Refund",
                "a long enough password", Set.of(Role.AGENT)).id();
        String name = "Refund requests " + UUID.randomUUID();
        AutomationRuleView earlier = service.save(AutomationRuleView.of("Earlier " + UUID.randomUUID(),
                AutomationTrigger.SLA_BREACHED, List.of(RuleCondition.of(ConditionField.PRIORITY,
                        ConditionOperator.NOT_EQUALS, "URGENT")), List.of(RuleAction.priority(Priority.URGENT))));
        AutomationRulesView view = navigate(AutomationRulesView.class);
        assertThat(view.form.isVisible()).isFalse();

        test(view.newRule).click();
        AutomationRuleForm form = view.form;
        assertThat(form.isVisible()).isTrue();
        assertThat(form.conditionRows).hasSize(1);
        assertThat(form.actionRows).hasSize(1);
        test(form.name).setValue(name);
        test(form.trigger).selectItem("A customer message is created");
        test(form.conditionRows.get(0).text).setValue("Refund, money back");
        test(form.addCondition).click();
        AutomationConditionRow channel = form.conditionRows.get(1);
        test(channel.field).selectItem("Channel");
        assertThat(channel.text.isVisible()).isFalse();
        test(channel.choice).selectItem("Any webchat account");
        test(form.actionRows.get(0).label).setValue("Refund");
        test(form.addAction).click();
        AutomationActionRow assign = form.actionRows.get(1);
        test(assign.type).selectItem("Assign to team");
        test(assign.choice).selectItem(teamName);
        test(form.addAction).click();
        AutomationActionRow notify = form.actionRows.get(2);
        test(notify.type).selectItem("Notify");
        test(notify.choice).selectItem("Chosen agents");
        assertThat(notify.agents.isVisible()).isTrue();
        test(notify.agents).selectItem(notify.agents.getListDataView().getItems()
                .filter(o -> o.value().equals(Long.toString(agent))).findFirst().orElseThrow().label());
        test(notify.message).setValue("A refund request came in");
        test(form.save).click();

        AutomationRuleView saved = rule(name);
        assertThat(saved.trigger()).isEqualTo(AutomationTrigger.MESSAGE_CREATED);
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.conditions()).containsExactly(
                RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, "refund, money back"),
                RuleCondition.of(ConditionField.CHANNEL, ConditionOperator.EQUALS, "webchat"));
        assertThat(saved.actions()).containsExactly(RuleAction.addLabel("refund"), RuleAction.assignTeam(team),
                new RuleAction(ActionType.NOTIFY, NotifyRecipients.AGENTS.name(), List.of(agent),
                        "A refund request came in"));
        assertThat(form.isVisible()).isFalse();
        assertThat(view.rules.getListDataView().getItems().map(AutomationRuleView::name)).contains(name);

        // Edit: rename it, drop the team action; the form shows what is stored.
        click(view, saved, "automation-edit-");
        assertThat(form.isVisible()).isTrue();
        assertThat(form.actionRows.get(1).choice.getValue().label()).isEqualTo(teamName);
        assertThat(form.conditionRows.get(1).choice.getValue().value()).isEqualTo("webchat");
        test(form.name).setValue(name + " (edited)");
        test(form.actionRows.get(1).remove).click();
        test(form.save).click();
        AutomationRuleView edited = rule(name + " (edited)");
        assertThat(edited.id()).isEqualTo(saved.id());
        assertThat(edited.actions()).extracting(RuleAction::type).containsExactly(ActionType.ADD_LABEL,
                ActionType.NOTIFY);

        // Switch it off in the list.
        Checkbox on = (Checkbox) test(view.rules).getCellComponent(row(view, edited), 1);
        test(on).click();
        assertThat(rule(edited.name()).enabled()).isFalse();

        // The rule made in the form came after the earlier one; moving it up puts it first.
        assertThat(row(view, edited)).isGreaterThan(row(view, earlier));
        click(view, edited, "automation-up-");
        assertThat(row(view, edited)).isLessThan(row(view, earlier));
        assertThat(rule(edited.name()).position()).isLessThan(rule(earlier.name()).position());

        // Delete, confirmed in a dialog.
        click(view, earlier, "automation-delete-");
        roundTrip();
        test(view.confirmDelete).click();
        assertThat(service.list()).extracting(AutomationRuleView::id).doesNotContain(earlier.id());
        assertThat(view.rules.getListDataView().getItems().map(AutomationRuleView::id)).doesNotContain(earlier.id());
    }

    @Test
    void an_incomplete_rule_is_refused_with_a_message_and_nothing_is_saved() {
        int before = service.list().size();
        AutomationRulesView view = navigate(AutomationRulesView.class);
        test(view.newRule).click();
        test(view.form.name).setValue("Incomplete " + UUID.randomUUID());
        test(view.form.conditionRows.get(0).text).setValue("hello");
        test(view.form.save).click();

        assertThat(test($(Notification.class).last()).getText()).isEqualTo(
                "Action 1 (Add label): choose or enter a value.");
        assertThat(view.form.isVisible()).as("the form stays open to fix it").isTrue();
        assertThat(service.list()).hasSize(before);

        test(view.form.conditionRows.get(0).remove).click();
        test(view.form.actionRows.get(0).label).setValue("greeting");
        test(view.form.save).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("A rule needs at least one condition.");
        assertThat(service.list()).hasSize(before);
    }

    @Test
    @WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"SUPERVISOR", "AGENT"})
    void a_supervisor_sees_the_rules_read_only() {
        AutomationRulesView view = navigate(AutomationRulesView.class);
        assertThat(view.newRule.isVisible()).isFalse();
        assertThat(view.rules.getColumns()).hasSize(6);
        assertThat(view.form.isVisible()).isFalse();
    }

    private AutomationRuleView rule(String name) {
        return service.list().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static int row(AutomationRulesView view, AutomationRuleView rule) {
        return view.rules.getListDataView().getItems().map(AutomationRuleView::id).toList().indexOf(rule.id());
    }

    private void click(AutomationRulesView view, AutomationRuleView rule, String idPrefix) {
        HorizontalLayout actions = (HorizontalLayout) test(view.rules).getCellComponent(row(view, rule),
                view.rules.getColumns().size() - 1);
        Button button = (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals(idPrefix + rule.id()))
                .findFirst().orElseThrow();
        test(button).click();
    }
}
