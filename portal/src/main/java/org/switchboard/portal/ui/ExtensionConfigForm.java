package org.switchboard.portal.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;
import org.switchboard.portal.channel.InvalidConfigurationException;

/**
 * A form generated from a plugin extension's configuration schema (a channel connector, a customer-data
 * provider). Secret fields are password fields that never show a stored value: when editing they are empty and
 * "leave empty to keep" the stored secret. Generated secrets are made by the portal on save.
 */
class ExtensionConfigForm extends FormLayout {

    final TextField name = new TextField("Name");
    private final Map<String, AbstractField<?, ?>> fields = new LinkedHashMap<>();

    ExtensionConfigForm(List<ConfigField> schema, String currentName, Map<String, String> shownValues,
            boolean existing) {
        name.setId("account-name");
        name.setRequiredIndicatorVisible(true);
        name.setValue(currentName == null ? "" : currentName);
        add(name);
        for (ConfigField field : schema) {
            AbstractField<?, ?> input = inputFor(field, existing);
            String shown = shownValues.get(field.key());
            if (!field.secret() && shown != null) {
                setText(input, shown);
            } else if (!field.secret() && field.defaultValue() != null && !existing) {
                setText(input, field.defaultValue());
            }
            input.setId("config-" + field.key());
            fields.put(field.key(), input);
            add((Component) input);
        }
    }

    private static AbstractField<?, ?> inputFor(ConfigField field, boolean existing) {
        String label = field.label();
        AbstractField<?, ?> input;
        if (field.type() == FieldType.BOOLEAN) {
            return new Checkbox(label);
        } else if (field.type() == FieldType.GENERATED_SECRET) {
            PasswordField secret = new PasswordField(label);
            secret.setPlaceholder(existing ? "unchanged (type to replace)" : "generated when saved");
            secret.setRevealButtonVisible(false);
            input = secret;
        } else if (field.secret()) {
            PasswordField secret = new PasswordField(label);
            secret.setPlaceholder(existing ? "unchanged (type to replace)" : "");
            secret.setRevealButtonVisible(false);
            secret.setRequiredIndicatorVisible(field.required() && !existing);
            input = secret;
        } else if (field.type() == FieldType.MULTILINE) {
            TextArea area = new TextArea(label);
            area.setRequiredIndicatorVisible(field.required());
            input = area;
        } else if (field.type() == FieldType.EMAIL) {
            EmailField email = new EmailField(label);
            email.setRequiredIndicatorVisible(field.required());
            input = email;
        } else {
            TextField text = new TextField(label);
            text.setRequiredIndicatorVisible(field.required());
            if (field.type() == FieldType.URL && field.defaultValue() != null) {
                text.setPlaceholder(field.defaultValue());
            }
            input = text;
        }
        if (field.help() != null && input instanceof com.vaadin.flow.component.HasHelper helped) {
            helped.setHelperText(field.help());
        }
        return input;
    }

    @SuppressWarnings("unchecked")
    private static void setText(AbstractField<?, ?> input, String value) {
        if (input instanceof Checkbox box) {
            box.setValue(Boolean.parseBoolean(value));
        } else {
            ((AbstractField<?, String>) input).setValue(value);
        }
    }

    /** The entered values by config key (booleans as "true"/"false", empty secrets as ""). */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, input) -> values.put(key, input instanceof Checkbox box
                ? Boolean.toString(box.getValue()) : String.valueOf(input.getValue()).strip()));
        return values;
    }

    /** Marks the fields the problems name; returns the problems that name no field. */
    List<ConfigProblem> show(List<ConfigProblem> problems) {
        fields.values().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
        name.setInvalid(false);
        return problems.stream().filter(problem -> {
            Object target = "name".equals(problem.key()) ? name : fields.get(problem.key());
            if (target instanceof HasValidation v) {
                v.setErrorMessage(problem.message());
                v.setInvalid(true);
                return false;
            }
            return true;
        }).toList();
    }

    /**
     * A Save button: runs {@code action}; when it refuses the configuration, each problem goes on its field (the
     * others into a notification) and nothing else happens; otherwise {@code saved} runs.
     */
    Button saveButton(Runnable action, Runnable saved) {
        Button save = new Button("Save", e -> {
            try {
                action.run();
                saved.run();
            } catch (InvalidConfigurationException problem) {
                List<ConfigProblem> unplaced = show(problem.problems());
                if (!unplaced.isEmpty()) {
                    Notification.show(unplaced.stream().map(ConfigProblem::message)
                            .collect(Collectors.joining("; "))).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return save;
    }

    /** The dialog such a form lives in, with a Cancel button. */
    static Dialog dialog(String title) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("640px");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()));
        return dialog;
    }

    /** The input of a config key, for tests. */
    AbstractField<?, ?> field(String key) {
        return fields.get(key);
    }
}
