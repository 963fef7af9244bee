package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.sla.BusinessHoursSettings;
import org.switchboard.portal.sla.DurationText;
import org.switchboard.portal.sla.SlaException;
import org.switchboard.portal.sla.SlaPolicySettings;
import org.switchboard.portal.sla.SlaSettings;

/**
 * Supervisors set first-response and resolution targets per priority, optionally for one kind of channel, counted
 * in business hours or around the clock. A policy for the conversation's channel beats one for every channel.
 */
@Route("admin/sla-policies")
@PageTitle("SLA policies · Switchboard")
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class SlaPoliciesView extends VerticalLayout {

    final Grid<SlaPolicySettings> policies = new Grid<>();
    final TextField name = new TextField("Policy");
    final ComboBox<Priority> priority = new ComboBox<>("Priority");
    final ComboBox<String> channel = new ComboBox<>("Channel");
    final TextField firstResponse = new TextField("First response within");
    final TextField resolution = new TextField("Resolve within");
    final ComboBox<BusinessHoursSettings> hours = new ComboBox<>("Counted in");
    final Checkbox enabled = new Checkbox("Enabled");
    final Button save = new Button("Save");
    final Button startNew = new Button("New");
    final Button delete = new Button("Delete");
    final Span problem = new Span();
    private final SlaSettings settings;
    private final TreeSet<String> channels = new TreeSet<>();
    private Map<Long, BusinessHoursSettings> hoursById = Map.of();
    private Long editing;

    SlaPoliciesView(SlaSettings settings, ChannelAccounts accounts, PluginHost plugins) {
        this.settings = settings;
        policies.setId("sla-policies");
        policies.addColumn(SlaPolicySettings::name).setHeader("Policy").setAutoWidth(true);
        policies.addColumn(p -> p.priority().name().toLowerCase(Locale.ROOT)).setHeader("Priority").setAutoWidth(true);
        policies.addColumn(p -> p.channel() == null ? "any" : p.channel()).setHeader("Channel").setAutoWidth(true);
        policies.addColumn(p -> DurationText.format(p.firstResponse())).setHeader("First response")
                .setAutoWidth(true);
        policies.addColumn(p -> DurationText.format(p.resolution())).setHeader("Resolution").setAutoWidth(true);
        policies.addColumn(this::hoursName).setHeader("Counted in").setFlexGrow(1);
        policies.addColumn(p -> p.enabled() ? "enabled" : "disabled").setHeader("").setAutoWidth(true);
        policies.setAllRowsVisible(true);
        policies.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        priority.setItems(Priority.values());
        plugins.extensions(ChannelConnector.class).forEach(c -> channels.add(c.extension().descriptor().id()));
        accounts.list().stream().map(ChannelAccountView::connectorId).forEach(channels::add);
        channel.setItems(channels);
        channel.setPlaceholder("any channel");
        channel.setClearButtonVisible(true);
        channel.setAllowCustomValue(true);
        channel.addCustomValueSetListener(e -> {
            channels.add(e.getDetail().strip());
            channel.setItems(channels);
            channel.setValue(e.getDetail().strip());
        });
        firstResponse.setPlaceholder("30m");
        firstResponse.setHelperText("e.g. 30m, 4h, 1h 30m; empty: no target");
        resolution.setPlaceholder("8h");
        hours.setItemLabelGenerator(BusinessHoursSettings::name);
        hours.setPlaceholder("calendar time (24/7)");
        hours.setClearButtonVisible(true);
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        startNew.addClickListener(e -> startNew());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());

        HorizontalLayout what = new HorizontalLayout(name, priority, channel);
        HorizontalLayout targets = new HorizontalLayout(firstResponse, resolution, hours);
        HorizontalLayout actions = new HorizontalLayout(enabled, save, startNew, delete);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3("SLA policies"), policies, what, targets, problem, actions);
        refresh();
        startNew();
    }

    void save() {
        try {
            BusinessHoursSettings counted = hours.getValue();
            SlaPolicySettings saved = settings.savePolicy(new SlaPolicySettings(editing, name.getValue(),
                    priority.getValue(), channel.getValue(),
                    DurationText.parse(firstResponse.getValue(), "first-response"),
                    DurationText.parse(resolution.getValue(), "resolution"),
                    counted == null ? null : counted.id(), enabled.getValue()));
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
            settings.deletePolicy(editing);
            refresh();
            startNew();
        } catch (SlaException | AccessDeniedException problemFound) {
            show(problemFound.getMessage());
        }
    }

    private void edit(SlaPolicySettings policy) {
        editing = policy.id();
        name.setValue(policy.name());
        priority.setValue(policy.priority());
        if (policy.channel() != null && channels.add(policy.channel())) {
            channel.setItems(channels);
        }
        channel.setValue(policy.channel());
        firstResponse.setValue(policy.firstResponse() == null ? "" : DurationText.format(policy.firstResponse()));
        resolution.setValue(policy.resolution() == null ? "" : DurationText.format(policy.resolution()));
        hours.setValue(policy.businessHoursId() == null ? null : hoursById.get(policy.businessHoursId()));
        enabled.setValue(policy.enabled());
        delete.setEnabled(true);
        problem.setText("");
    }

    private void startNew() {
        editing = null;
        policies.asSingleSelect().clear();
        name.clear();
        priority.setValue(Priority.NORMAL);
        channel.clear();
        firstResponse.clear();
        resolution.clear();
        hours.clear();
        enabled.setValue(true);
        delete.setEnabled(false);
        problem.setText("");
    }

    private void show(String message) {
        problem.setText(message);
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        List<BusinessHoursSettings> schedules = settings.businessHours();
        hoursById = schedules.stream().collect(Collectors.toMap(BusinessHoursSettings::id, Function.identity()));
        hours.setItems(schedules);
        policies.setItems(settings.policies());
    }

    private String hoursName(SlaPolicySettings policy) {
        if (policy.businessHoursId() == null) {
            return "calendar time (24/7)";
        }
        BusinessHoursSettings counted = hoursById.get(policy.businessHoursId());
        return counted == null ? "?" : counted.name();
    }
}
