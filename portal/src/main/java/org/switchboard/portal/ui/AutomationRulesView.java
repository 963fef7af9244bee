package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.automation.AutomationChoices;
import org.switchboard.portal.automation.AutomationException;
import org.switchboard.portal.automation.AutomationRuleView;
import org.switchboard.portal.automation.AutomationRules;

/**
 * Automation rules: when something happens to a conversation and all conditions hold, the actions run. Admins
 * create, edit, switch on and off, reorder and delete rules; supervisors see them (read-only), to understand why a
 * conversation was labelled or assigned.
 */
@Route("admin/automation")
@PageTitle("Automation rules · Switchboard")
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class AutomationRulesView extends VerticalLayout {

    final Grid<AutomationRuleView> rules = new Grid<>();
    final Button newRule = new Button("New rule", VaadinIcon.PLUS.create());
    final AutomationRuleForm form = new AutomationRuleForm();
    Button confirmDelete;

    private final AutomationRules service;
    private final AutomationChoices choices;
    private final boolean admin;

    AutomationRulesView(AutomationRules service, AutomationChoices choices, AuthenticationContext authentication) {
        this.service = service;
        this.choices = choices;
        this.admin = authentication.hasRole("ADMIN");
        setSizeFull();

        newRule.setId("automation-new-rule");
        newRule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newRule.setVisible(admin);
        newRule.addClickListener(e -> form.edit(null, new AutomationOptions(choices)));

        rules.setId("automation-rules");
        rules.addColumn(r -> r.position() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        rules.addComponentColumn(this::enabledToggle).setHeader("On").setAutoWidth(true).setFlexGrow(0);
        rules.addColumn(AutomationRuleView::name).setHeader("Rule").setAutoWidth(true);
        rules.addColumn(r -> r.trigger().label()).setHeader("When").setAutoWidth(true);
        rules.addColumn(choices::describeConditions).setHeader("If").setFlexGrow(1);
        rules.addColumn(choices::describeActions).setHeader("Then").setFlexGrow(1);
        if (admin) {
            rules.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
        }
        rules.setAllRowsVisible(true);

        form.save.addClickListener(e -> act(() -> {
            service.save(form.value());
            form.close();
            Notification.show("Rule saved");
        }));
        form.cancel.addClickListener(e -> form.close());

        refresh();
        add(new H3("Automation rules"), new Paragraph("When a customer message or conversation is created, a "
                + "conversation is updated (status, assignee, team, priority, labels, intent, sentiment) or an SLA "
                + "is breached, the enabled rules for that event run top to bottom; each whose conditions all hold "
                + "acts. Changes made by rules do not set off rules. What a rule did, and any action that failed, is "
                + "recorded on the conversation (event AUTOMATION_APPLIED)."), newRule, rules, form);
    }

    private Checkbox enabledToggle(AutomationRuleView rule) {
        Checkbox toggle = new Checkbox(rule.enabled());
        toggle.setId("automation-enabled-" + rule.id());
        toggle.setAriaLabel((rule.enabled() ? "Disable " : "Enable ") + rule.name());
        toggle.setReadOnly(!admin);
        toggle.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> service.setEnabled(rule.id(), e.getValue()));
            }
        });
        return toggle;
    }

    private HorizontalLayout rowActions(AutomationRuleView rule) {
        Button up = small(VaadinIcon.ARROW_UP, "Move up", "automation-up-" + rule.id(),
                () -> act(() -> service.move(rule.id(), true)));
        Button down = small(VaadinIcon.ARROW_DOWN, "Move down", "automation-down-" + rule.id(),
                () -> act(() -> service.move(rule.id(), false)));
        Button edit = small(VaadinIcon.EDIT, "Edit", "automation-edit-" + rule.id(),
                () -> form.edit(rule, new AutomationOptions(choices)));
        Button delete = small(VaadinIcon.TRASH, "Delete", "automation-delete-" + rule.id(), () -> confirmDelete(rule));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(up, down, edit, delete);
    }

    private static Button small(VaadinIcon icon, String label, String id, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.setId(id);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void confirmDelete(AutomationRuleView rule) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete “" + rule.name() + "”?");
        dialog.add(new Paragraph("The rule stops running. What it did stays recorded on the conversations."));
        confirmDelete = new Button("Delete", e -> act(() -> {
            service.delete(rule.id());
            dialog.close();
            if (form.isVisible() && form.value().id() != null && form.value().id().equals(rule.id())) {
                form.close();
            }
        }));
        confirmDelete.setId("automation-confirm-delete");
        confirmDelete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirmDelete);
        dialog.open();
    }

    /* Bad input and refused rights become a message; the list shows what is stored either way. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (AutomationException | AccessDeniedException problem) {
            Notification.show(problem.getMessage(), 6_000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        List<AutomationRuleView> all = service.list();
        rules.setItems(all);
    }
}
