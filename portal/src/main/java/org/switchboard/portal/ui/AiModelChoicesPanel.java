package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.switchboard.portal.ai.AiModelChoices;
import org.switchboard.portal.ai.AiModelOption;
import org.switchboard.portal.ai.AiTask;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;

/**
 * Which model does intent, sentiment and the assistant's replies: one row for the workspace, one per channel account
 * (an account row overrides the workspace row). Changes save at once.
 */
class AiModelChoicesPanel extends VerticalLayout {

    /** One row: the workspace or a channel account. */
    record Scope(String key, String name) {
    }

    static final String INHERIT = "inherit";

    /** The selects by scope and task, for tests. */
    final Map<String, Map<AiTask, Select<String>>> selects = new java.util.HashMap<>();
    private final AiModelChoices choices;

    AiModelChoicesPanel(AiModelChoices choices, ChannelAccounts accounts) {
        this.choices = choices;
        setPadding(false);
        setSpacing(false);
        setId("ai-model-choices");
        Map<AiTask, List<AiModelOption>> options = choices.allOptions();
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(AiModelChoices.WORKSPACE, "Workspace (every channel account)"));
        for (ChannelAccountView account : accounts.list()) {
            scopes.add(new Scope(account.id(), account.name() + " (" + account.connectorId() + ")"));
        }
        // A plain row per scope rather than a grid: a handful of accounts, and every select exists at once.
        for (Scope scope : scopes) {
            Span name = new Span(scope.name());
            name.setWidth("16em");
            HorizontalLayout row = new HorizontalLayout(name);
            row.setWidthFull();
            row.setAlignItems(Alignment.BASELINE);
            for (AiTask task : AiTask.values()) {
                Select<String> select = select(scope, task, options.get(task));
                select.setLabel(task.label());
                row.add(select);
            }
            add(row);
        }
    }

    private Select<String> select(Scope scope, AiTask task, List<AiModelOption> options) {
        boolean workspace = scope.key().equals(AiModelChoices.WORKSPACE);
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put(INHERIT, workspace ? "Default: first installed" : "As the workspace");
        labels.put(AiModelChoices.OFF, "Off");
        options.forEach(option -> labels.put(option.key(), option.label()));
        String current = choices.chosen(scope.key()).getOrDefault(task, INHERIT);
        if (!labels.containsKey(current)) {
            labels.put(current, current + " (not installed: does nothing)");
        }
        Select<String> select = new Select<>();
        select.setItems(new ArrayList<>(labels.keySet()));
        select.setItemLabelGenerator(labels::get);
        select.setValue(current);
        select.setAriaLabel(task.label() + " for " + scope.name());
        select.setWidthFull();
        select.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                choices.choose(scope.key(), task, INHERIT.equals(e.getValue()) ? null : e.getValue());
                Notification.show(task.label() + " for " + scope.name() + ": " + labels.get(e.getValue()));
            } catch (RuntimeException refused) {
                select.setValue(e.getOldValue());
                Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        selects.computeIfAbsent(scope.key(), k -> new EnumMap<>(AiTask.class)).put(task, select);
        return select;
    }
}
