package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.switchboard.plugin.api.channel.MessageTemplate;

/**
 * Shown instead of free text when a channel's reply window has closed: why, and a picker for the approved
 * templates with one field per placeholder and a preview.
 */
class TemplateComposer extends VerticalLayout {

    final Span notice = new Span();
    final ComboBox<MessageTemplate> template = new ComboBox<>("Template");
    final Div preview = new Div();
    final Div parameters = new Div();
    final Button send = new Button("Send template");
    final List<TextField> values = new ArrayList<>();

    TemplateComposer(BiConsumer<MessageTemplate, List<String>> onSend) {
        setPadding(false);
        notice.setId("reply-window-notice");
        notice.getStyle().set("color", "var(--lumo-error-text-color)");
        template.setId("template-picker");
        template.setItemLabelGenerator(t -> t.name() + " (" + t.language() + ")");
        template.setWidthFull();
        template.addValueChangeListener(e -> showParameters(e.getValue()));
        preview.setId("template-preview");
        send.setId("template-send");
        send.setEnabled(false);
        send.addClickListener(e -> onSend.accept(template.getValue(),
                values.stream().map(TextField::getValue).map(String::strip).toList()));
        add(notice, template, parameters, preview, send);
    }

    /** Shows the reason and the templates; without templates only the reason. */
    void show(String reason, List<MessageTemplate> templates) {
        notice.setText(reason);
        template.setItems(templates);
        template.setVisible(!templates.isEmpty());
        send.setVisible(!templates.isEmpty());
        template.clear();
    }

    private void showParameters(MessageTemplate chosen) {
        parameters.removeAll();
        values.clear();
        if (chosen == null) {
            preview.setText("");
            send.setEnabled(false);
            return;
        }
        for (int i = 1; i <= chosen.parameterCount(); i++) {
            TextField value = new TextField("{{" + i + "}}");
            value.setId("template-parameter-" + i);
            value.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            value.addValueChangeListener(e -> updatePreview(chosen));
            values.add(value);
            parameters.add(value);
        }
        updatePreview(chosen);
    }

    private void updatePreview(MessageTemplate chosen) {
        List<String> given = values.stream().map(TextField::getValue).toList();
        preview.setText(chosen.render(given));
        send.setEnabled(given.stream().noneMatch(String::isBlank));
    }
}
