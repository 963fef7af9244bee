package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.portal.automation.AutomationRuleView;
import org.switchboard.portal.automation.AutomationTrigger;
import org.switchboard.portal.automation.RuleAction;
import org.switchboard.portal.automation.RuleCondition;

/** Creates or changes one rule: its name, when it runs, its condition rows and its action rows. */
class AutomationRuleForm extends VerticalLayout {

    final H4 title = new H4();
    final TextField name = new TextField("Rule name");
    final Checkbox enabled = new Checkbox("Enabled");
    final ComboBox<AutomationTrigger> trigger = new ComboBox<>("When");
    final VerticalLayout conditions = new VerticalLayout();
    final VerticalLayout actions = new VerticalLayout();
    final Button addCondition = new Button("Add condition", VaadinIcon.PLUS.create());
    final Button addAction = new Button("Add action", VaadinIcon.PLUS.create());
    final Button save = new Button("Save rule");
    final Button cancel = new Button("Cancel");
    final List<AutomationConditionRow> conditionRows = new ArrayList<>();
    final List<AutomationActionRow> actionRows = new ArrayList<>();
    private AutomationOptions options;
    private AutomationRuleView editing;

    AutomationRuleForm() {
        setId("automation-rule-form");
        setPadding(false);
        setVisible(false);
        name.setId("automation-rule-name");
        name.setWidth("24em");
        name.setMaxLength(200);
        trigger.setId("automation-rule-trigger");
        trigger.setItems(AutomationTrigger.values());
        trigger.setItemLabelGenerator(AutomationTrigger::label);
        trigger.setWidth("20em");
        conditions.setPadding(false);
        conditions.setSpacing(false);
        actions.setPadding(false);
        actions.setSpacing(false);
        addCondition.setId("automation-add-condition");
        addCondition.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addCondition.addClickListener(e -> addCondition(null));
        addAction.setId("automation-add-action");
        addAction.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addAction.addClickListener(e -> addAction(null));
        save.setId("automation-save-rule");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId("automation-cancel");
        HorizontalLayout head = new HorizontalLayout(name, trigger, enabled);
        head.setAlignItems(Alignment.BASELINE);
        add(title, head, new Span("If all of these hold"), conditions, addCondition, new Span("then"), actions,
                addAction, new HorizontalLayout(save, cancel));
    }

    /** Opens the form on a rule, or on a new one ({@code null}) with one empty condition and action. */
    void edit(AutomationRuleView rule, AutomationOptions choices) {
        this.options = choices;
        this.editing = rule;
        title.setText(rule == null ? "New rule" : "Edit “" + rule.name() + "”");
        name.setValue(rule == null ? "" : rule.name());
        enabled.setValue(rule == null || rule.enabled());
        trigger.setValue(rule == null ? AutomationTrigger.MESSAGE_CREATED : rule.trigger());
        conditions.removeAll();
        conditionRows.clear();
        actions.removeAll();
        actionRows.clear();
        if (rule == null) {
            addCondition(null);
            addAction(null);
        } else {
            rule.conditions().forEach(this::addCondition);
            rule.actions().forEach(this::addAction);
        }
        setVisible(true);
    }

    /** The rule as the form shows it, for saving. */
    AutomationRuleView value() {
        return new AutomationRuleView(editing == null ? null : editing.id(), name.getValue(), enabled.getValue(),
                editing == null ? 0 : editing.position(), trigger.getValue(),
                conditionRows.stream().map(AutomationConditionRow::value).toList(),
                actionRows.stream().map(AutomationActionRow::value).toList());
    }

    void close() {
        editing = null;
        setVisible(false);
    }

    private void addCondition(RuleCondition condition) {
        AutomationConditionRow row = new AutomationConditionRow(options, condition, r -> {
            conditionRows.remove(r);
            conditions.remove(r);
        });
        conditionRows.add(row);
        conditions.add(row);
    }

    private void addAction(RuleAction action) {
        AutomationActionRow row = new AutomationActionRow(options, action, r -> {
            actionRows.remove(r);
            actions.remove(r);
        });
        actionRows.add(row);
        actions.add(row);
    }
}
