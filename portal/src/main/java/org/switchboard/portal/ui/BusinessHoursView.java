package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.sla.BusinessHoursSettings;
import org.switchboard.portal.sla.OpeningHours;
import org.switchboard.portal.sla.SlaException;
import org.switchboard.portal.sla.SlaSettings;
import org.switchboard.portal.sla.WeeklyHours;
import org.switchboard.portal.sla.WeeklyHoursText;

/**
 * Supervisors describe when their teams work: weekly hours per day, holidays, time zone. SLA policies count their
 * targets in these hours.
 */
@Route("admin/business-hours")
@PageTitle("Business hours · Switchboard")
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class BusinessHoursView extends VerticalLayout {

    private static final String OFFICE_DAY = "09:00-17:00";

    final Grid<BusinessHoursSettings> schedules = new Grid<>();
    final TextField name = new TextField("Name");
    final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    final Map<DayOfWeek, TextField> days = new EnumMap<>(DayOfWeek.class);
    final TextArea holidays = new TextArea("Holidays");
    final Button save = new Button("Save");
    final Button startNew = new Button("New");
    final Button delete = new Button("Delete");
    final Span problem = new Span();
    private final SlaSettings settings;
    private Long editing;

    BusinessHoursView(SlaSettings settings) {
        this.settings = settings;
        schedules.setId("business-hours");
        schedules.addColumn(BusinessHoursSettings::name).setHeader("Name").setAutoWidth(true);
        schedules.addColumn(BusinessHoursSettings::timeZone).setHeader("Time zone").setAutoWidth(true);
        schedules.addColumn(s -> s.hours().toString()).setHeader("Hours").setFlexGrow(1);
        schedules.addColumn(s -> s.holidays().size()).setHeader("Holidays").setAutoWidth(true);
        schedules.setAllRowsVisible(true);
        schedules.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        HorizontalLayout week = new HorizontalLayout();
        week.setWrap(true);
        for (DayOfWeek day : DayOfWeek.values()) {
            TextField hours = new TextField(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            hours.setPlaceholder("closed");
            hours.setHelperText(day == DayOfWeek.MONDAY ? "e.g. 09:00-12:00, 13:00-17:00" : null);
            hours.setWidth("11em");
            days.put(day, hours);
            week.add(hours);
        }
        holidays.setPlaceholder("2026-12-25 Christmas Day\n2026-12-26 Boxing Day");
        holidays.setHelperText("One per line: the date, then a name. The whole day is closed.");
        holidays.setWidth("30em");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        startNew.addClickListener(e -> startNew());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        HorizontalLayout head = new HorizontalLayout(name, timeZone);
        HorizontalLayout actions = new HorizontalLayout(save, startNew, delete);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3("Business hours"), schedules, head, week, holidays, problem, actions);
        refresh();
        startNew();
    }

    void save() {
        try {
            Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
            days.forEach((day, field) -> week.put(day, WeeklyHoursText.parseDay(field.getValue(), field.getLabel())));
            BusinessHoursSettings saved = settings.saveBusinessHours(new BusinessHoursSettings(editing,
                    name.getValue(), timeZone.getValue(), WeeklyHours.of(week),
                    WeeklyHoursText.parseHolidays(holidays.getValue())));
            refresh();
            edit(saved);
            Notification.show("Saved \"" + saved.name() + "\".");
        } catch (SlaException | AccessDeniedException problemFound) {
            show(problemFound.getMessage());
        }
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        try {
            settings.deleteBusinessHours(editing);
            refresh();
            startNew();
        } catch (SlaException | AccessDeniedException problemFound) {
            show(problemFound.getMessage());
        }
    }

    private void edit(BusinessHoursSettings hours) {
        editing = hours.id();
        name.setValue(hours.name());
        timeZone.setValue(hours.timeZone());
        days.forEach((day, field) -> field.setValue(WeeklyHoursText.formatDay(hours.hours().on(day))));
        holidays.setValue(WeeklyHoursText.formatHolidays(hours.holidays()));
        delete.setEnabled(true);
        problem.setText("");
    }

    private void startNew() {
        editing = null;
        schedules.asSingleSelect().clear();
        name.clear();
        timeZone.setValue(ZoneId.systemDefault().getId());
        days.forEach((day, field) -> field.setValue(
                day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? "" : OFFICE_DAY));
        holidays.clear();
        delete.setEnabled(false);
        problem.setText("");
    }

    private void show(String message) {
        problem.setText(message);
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        schedules.setItems(settings.businessHours());
    }
}
