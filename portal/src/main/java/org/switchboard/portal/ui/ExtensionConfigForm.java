package org.switchboard.portal.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;

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

    /** The input of a config key, for tests. */
    AbstractField<?, ?> field(String key) {
        return fields.get(key);
    }
}
