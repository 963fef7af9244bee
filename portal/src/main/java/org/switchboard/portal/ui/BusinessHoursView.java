package org.switchboard.portal.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
public class BusinessHoursView extends SettingsListEditor<BusinessHoursSettings> {

    private static final String OFFICE_DAY = "09:00-17:00";

    final TextField name = new TextField("Name");
    final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    final Map<DayOfWeek, TextField> days = new EnumMap<>(DayOfWeek.class);
    final TextArea holidays = new TextArea("Holidays");
    private final SlaSettings settings;

    BusinessHoursView(SlaSettings settings) {
        super("business-hours", SlaException.class);
        this.settings = settings;
        grid.addColumn(BusinessHoursSettings::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(BusinessHoursSettings::timeZone).setHeader("Time zone").setAutoWidth(true);
        grid.addColumn(s -> s.hours().toString()).setHeader("Hours").setFlexGrow(1);
        grid.addColumn(s -> s.holidays().size()).setHeader("Holidays").setAutoWidth(true);

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
        layOut("Business hours", List.of(new HorizontalLayout(name, timeZone), week, holidays));
    }

    @Override
    BusinessHoursSettings store(Long id) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, field) -> week.put(day, WeeklyHoursText.parseDay(field.getValue(), field.getLabel())));
        return settings.saveBusinessHours(new BusinessHoursSettings(id, name.getValue(), timeZone.getValue(),
                WeeklyHours.of(week), WeeklyHoursText.parseHolidays(holidays.getValue())));
    }

    @Override
    void remove(long id) {
        settings.deleteBusinessHours(id);
    }

    @Override
    void fill(BusinessHoursSettings hours) {
        name.setValue(hours.name());
        timeZone.setValue(hours.timeZone());
        days.forEach((day, field) -> field.setValue(WeeklyHoursText.formatDay(hours.hours().on(day))));
        holidays.setValue(WeeklyHoursText.formatHolidays(hours.holidays()));
    }

    @Override
    void clearForm() {
        name.clear();
        timeZone.setValue(ZoneId.systemDefault().getId());
        days.forEach((day, field) -> field.setValue(
                day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? "" : OFFICE_DAY));
        holidays.clear();
    }

    @Override
    Long idOf(BusinessHoursSettings hours) {
        return hours.id();
    }

    @Override
    String nameOf(BusinessHoursSettings hours) {
        return hours.name();
    }

    @Override
    List<BusinessHoursSettings> load() {
        return settings.businessHours();
    }
}
