package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.csat.CsatAccountSettings;
import org.switchboard.portal.csat.CsatException;
import org.switchboard.portal.csat.CsatSettings;

/**
 * Admins turn satisfaction surveys on per channel account and say when they go out and what they ask. Kept apart
 * from the channel account form, which is generated from the connector's schema.
 */
@Route("admin/csat")
@PageTitle("Satisfaction surveys · Switchboard")
@RolesAllowed("ADMIN")
public class CsatSettingsView extends VerticalLayout {

    final Grid<CsatAccountSettings> accounts = new Grid<>();
    final H4 editing = new H4();
    final Checkbox enabled = new Checkbox("Send a survey when a conversation is resolved");
    final IntegerField delayMinutes = new IntegerField("Delay after resolving (minutes)");
    final IntegerField quietDays = new IntegerField("Don't ask the same customer again within (days)");
    final TextArea question = new TextArea("Question");
    final Button save = new Button("Save");
    final Span problem = new Span();
    private final CsatSettings settings;
    private CsatAccountSettings selected;

    CsatSettingsView(CsatSettings settings) {
        this.settings = settings;
        setMaxWidth("70em");
        accounts.setId("csat-accounts");
        accounts.addColumn(CsatAccountSettings::accountName).setHeader("Channel account").setAutoWidth(true);
        accounts.addColumn(a -> a.enabled() ? "on" : "off").setHeader("Surveys").setAutoWidth(true);
        accounts.addColumn(a -> a.enabled() ? a.delay().toMinutes() + " min" : "").setHeader("Delay")
                .setAutoWidth(true);
        accounts.addColumn(a -> a.enabled() ? (a.quietDays() == 0 ? "no limit" : a.quietDays() + " days") : "")
                .setHeader("Not again within").setAutoWidth(true);
        accounts.addColumn(a -> a.question() == null ? "default" : a.question()).setHeader("Question")
                .setFlexGrow(1);
        accounts.setAllRowsVisible(true);
        accounts.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        delayMinutes.setMin(0);
        delayMinutes.setMax(1440);
        delayMinutes.setStepButtonsVisible(true);
        delayMinutes.setHelperText("0 to 1440 (24 hours). A conversation reopened meanwhile gets no survey.");
        quietDays.setMin(0);
        quietDays.setMax(365);
        quietDays.setStepButtonsVisible(true);
        quietDays.setHelperText("Counts surveys on every channel; 0: no limit.");
        question.setWidthFull();
        question.setMaxLength(1000);
        question.setHelperText("Empty: the default shown. {link} becomes the rating link (web chat shows stars"
                + " there). Customers can always answer with a number from 1 to 5.");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        HorizontalLayout timing = new HorizontalLayout(delayMinutes, quietDays);
        HorizontalLayout actions = new HorizontalLayout(save, problem);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(editing, enabled, timing, question, actions);
        form.setPadding(false);
        add(new H3("Satisfaction surveys"), new Paragraph("After a conversation is resolved, the customer is asked"
                + " to rate it on the channel they used last. Pick a channel account to change its settings."),
                accounts, form);
        refresh();
        accounts.getListDataView().getItems().findFirst().ifPresent(this::edit);
    }

    void edit(CsatAccountSettings account) {
        selected = account;
        editing.setText(account.accountName());
        enabled.setValue(account.enabled());
        delayMinutes.setValue((int) account.delay().toMinutes());
        quietDays.setValue(account.quietDays());
        question.setValue(account.question() == null ? "" : account.question());
        question.setPlaceholder(account.defaultQuestion());
        problem.setText("");
    }

    void save() {
        if (selected == null) {
            return;
        }
        if (delayMinutes.getValue() == null || quietDays.getValue() == null) {
            problem.setText("Enter the delay and the days as whole numbers.");
            return;
        }
        try {
            CsatAccountSettings saved = settings.save(selected.with(enabled.getValue(),
                    Duration.ofMinutes(delayMinutes.getValue()), quietDays.getValue(), question.getValue()));
            problem.setText("");
            refresh();
            edit(saved);
            Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (CsatException | AccessDeniedException refused) {
            problem.setText(refused.getMessage());
        }
    }

    private void refresh() {
        accounts.setItems(settings.list());
    }
}
