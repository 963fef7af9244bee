package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.portal.automation.ConditionField;
import org.switchboard.portal.automation.ConditionOperator;
import org.switchboard.portal.automation.RuleCondition;

/**
 * One "if" row of a rule: what it looks at, how it compares, and the value, picked from a list where the portal
 * knows the values (channels, statuses, priorities, teams, agents) and typed otherwise.
 */
class AutomationConditionRow extends HorizontalLayout {

    final ComboBox<ConditionField> field = new ComboBox<>();
    final ComboBox<String> attribute = new ComboBox<>();
    final ComboBox<ConditionOperator> operator = new ComboBox<>();
    final ComboBox<AutomationOption> choice = new ComboBox<>();
    final TextField text = new TextField();
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private final AutomationOptions options;

    AutomationConditionRow(AutomationOptions options, RuleCondition initial, Consumer<AutomationConditionRow> removed) {
        this.options = options;
        setAlignItems(Alignment.BASELINE);
        addClassName("sb-automation-condition");
        field.setAriaLabel("Field");
        field.setPlaceholder("Field");
        field.setItems(ConditionField.values());
        field.setItemLabelGenerator(ConditionField::label);
        field.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getOldValue() != null) {
                fieldChosen(null);
            }
        });
        attribute.setAriaLabel("Customer attribute");
        attribute.setPlaceholder("attribute");
        attribute.setItems(options.attributeKeys);
        operator.setAriaLabel("Operator");
        operator.setItemLabelGenerator(ConditionOperator::label);
        operator.addValueChangeListener(e -> showValue());
        choice.setAriaLabel("Value");
        choice.setItemLabelGenerator(AutomationOption::label);
        choice.addCustomValueSetListener(e -> {
            // A connector without accounts yet (e.g. "whatsapp") can be named before one is set up.
            AutomationOption typed = new AutomationOption(e.getDetail().strip(), e.getDetail().strip());
            List<AutomationOption> items = new ArrayList<>(options.channels);
            items.add(typed);
            choice.setItems(items);
            choice.setValue(typed);
        });
        text.setAriaLabel("Value");
        remove.setAriaLabel("Remove condition");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> removed.accept(this));
        add(field, attribute, operator, choice, text, remove);
        if (initial == null) {
            field.setValue(ConditionField.TEXT);
            fieldChosen(null);
        } else {
            field.setValue(initial.field());
            fieldChosen(initial);
        }
    }

    /** The condition as the admin set it (checked when the rule is saved). */
    RuleCondition value() {
        ConditionField chosen = field.getValue();
        String value = chosen == null ? null : usesChoice(chosen)
                ? (choice.getValue() == null ? null : choice.getValue().value()) : text.getValue();
        return new RuleCondition(chosen, operator.getValue(),
                chosen == ConditionField.ATTRIBUTE ? attribute.getValue() : null, value);
    }

    private void fieldChosen(RuleCondition initial) {
        ConditionField chosen = field.getValue();
        List<ConditionOperator> operators = chosen == null ? List.of() : chosen.operators();
        operator.setItems(operators);
        operator.setValue(initial != null && operators.contains(initial.operator()) ? initial.operator()
                : operators.isEmpty() ? null : operators.getFirst());
        attribute.setVisible(chosen == ConditionField.ATTRIBUTE);
        attribute.setValue(initial == null ? null : initial.key());
        List<AutomationOption> items = chosen == null ? List.of() : switch (chosen) {
            case CHANNEL -> options.channels;
            case STATUS -> options.statuses;
            case PRIORITY -> options.priorities;
            case TEAM -> options.teams;
            case ASSIGNEE -> options.agents;
            default -> List.of();
        };
        AutomationOption current = initial == null ? null : AutomationOptions.find(items, initial.value());
        choice.setItems(withCurrent(items, current));
        choice.setValue(current);
        choice.setAllowCustomValue(chosen == ConditionField.CHANNEL);
        text.setValue(initial == null || initial.value() == null || usesChoice(chosen) ? "" : initial.value());
        text.setPlaceholder(chosen == null ? "" : switch (chosen) {
            case TEXT -> "refund, money back";
            case INTENT -> "complaint";
            case SENTIMENT -> "negative";
            case LABEL -> "vip";
            case ATTRIBUTE -> "pro";
            default -> "";
        });
        text.setHelperText(chosen == ConditionField.TEXT ? "any of these words, ignoring case" : null);
        showValue();
    }

    private void showValue() {
        ConditionField chosen = field.getValue();
        boolean needed = chosen != null && operator.getValue() != null && operator.getValue().needsValue();
        choice.setVisible(needed && usesChoice(chosen));
        text.setVisible(needed && !usesChoice(chosen));
    }

    private static boolean usesChoice(ConditionField field) {
        return switch (field) {
            case CHANNEL, STATUS, PRIORITY, TEAM, ASSIGNEE -> true;
            default -> false;
        };
    }

    static List<AutomationOption> withCurrent(List<AutomationOption> items, AutomationOption current) {
        if (current == null || items.contains(current)) {
            return items;
        }
        List<AutomationOption> all = new ArrayList<>(items);
        all.add(current);
        return all;
    }
}
