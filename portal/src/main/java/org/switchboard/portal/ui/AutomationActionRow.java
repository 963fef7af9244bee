package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.switchboard.portal.automation.ActionType;
import org.switchboard.portal.automation.NotifyRecipients;
import org.switchboard.portal.automation.RuleAction;

/**
 * One "then" row of a rule: what it does and its argument, a team, agent, priority, status, canned response or
 * label; for a notification whom to tell and what.
 */
class AutomationActionRow extends HorizontalLayout {

    final ComboBox<ActionType> type = new ComboBox<>();
    final ComboBox<AutomationOption> choice = new ComboBox<>();
    final TextField label = new TextField();
    final MultiSelectComboBox<AutomationOption> agents = new MultiSelectComboBox<>();
    final TextField message = new TextField();
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private final AutomationOptions options;

    AutomationActionRow(AutomationOptions options, RuleAction initial, Consumer<AutomationActionRow> removed) {
        this.options = options;
        setAlignItems(Alignment.BASELINE);
        addClassName("sb-automation-action");
        type.setAriaLabel("Action");
        type.setPlaceholder("Action");
        type.setItems(ActionType.values());
        type.setItemLabelGenerator(ActionType::label);
        type.addValueChangeListener(e -> {
            if (e.getOldValue() != null || e.isFromClient()) {
                typeChosen(null);
            }
        });
        choice.setAriaLabel("Value");
        choice.setItemLabelGenerator(AutomationOption::label);
        choice.addValueChangeListener(e -> showNotifyFields());
        label.setAriaLabel("Label");
        label.setPlaceholder("label");
        agents.setAriaLabel("Agents to notify");
        agents.setPlaceholder("agents");
        agents.setItems(options.agents);
        agents.setItemLabelGenerator(AutomationOption::label);
        message.setAriaLabel("Message");
        message.setPlaceholder("what the agents read");
        message.setMaxLength(500);
        message.setWidth("20em");
        remove.setAriaLabel("Remove action");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> removed.accept(this));
        add(type, choice, label, agents, message, remove);
        type.setValue(initial == null ? ActionType.ADD_LABEL : initial.type());
        typeChosen(initial);
    }

    /** The action as the admin set it (checked when the rule is saved). */
    RuleAction value() {
        ActionType chosen = type.getValue();
        if (chosen == null) {
            return new RuleAction(null, null, null, null);
        }
        String value = switch (chosen) {
            case ADD_LABEL, REMOVE_LABEL -> label.getValue();
            case UNASSIGN -> null;
            default -> choice.getValue() == null ? null : choice.getValue().value();
        };
        List<Long> agentIds = chosen == ActionType.NOTIFY && NotifyRecipients.AGENTS.name().equals(value)
                ? agents.getValue().stream().map(o -> Long.parseLong(o.value())).toList() : List.of();
        return new RuleAction(chosen, value, agentIds, chosen == ActionType.NOTIFY ? message.getValue() : null);
    }

    private void typeChosen(RuleAction initial) {
        ActionType chosen = type.getValue();
        List<AutomationOption> items = chosen == null ? List.of() : switch (chosen) {
            case ASSIGN_TEAM -> options.teams;
            case ASSIGN_AGENT -> options.agents;
            case SET_PRIORITY -> options.priorities;
            case SET_STATUS -> options.statuses;
            case SEND_CANNED_REPLY -> options.cannedResponses;
            case NOTIFY -> options.recipients;
            default -> List.of();
        };
        AutomationOption current = initial == null || initial.value() == null ? null
                : AutomationOptions.find(items, initial.value());
        choice.setItems(AutomationConditionRow.withCurrent(items, current));
        choice.setValue(current);
        choice.setVisible(!items.isEmpty());
        choice.setPlaceholder(chosen == ActionType.NOTIFY ? "whom" : "choose");
        label.setVisible(chosen == ActionType.ADD_LABEL || chosen == ActionType.REMOVE_LABEL);
        label.setValue(initial != null && label.isVisible() && initial.value() != null ? initial.value() : "");
        Set<AutomationOption> chosenAgents = new LinkedHashSet<>();
        if (initial != null) {
            initial.agentIds().forEach(id -> chosenAgents.add(AutomationOptions.find(options.agents, id.toString())));
        }
        agents.setItems(chosenAgents.stream().reduce(options.agents, (all, o) -> AutomationConditionRow
                .withCurrent(all, o), (a, b) -> a));
        agents.setValue(chosenAgents);
        message.setValue(initial == null || initial.message() == null ? "" : initial.message());
        showNotifyFields();
    }

    private void showNotifyFields() {
        boolean notify = type.getValue() == ActionType.NOTIFY;
        agents.setVisible(notify && choice.getValue() != null
                && NotifyRecipients.AGENTS.name().equals(choice.getValue().value()));
        message.setVisible(notify);
    }
}
