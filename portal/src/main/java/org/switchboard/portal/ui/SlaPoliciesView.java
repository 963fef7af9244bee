package org.switchboard.portal.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
public class SlaPoliciesView extends SettingsListEditor<SlaPolicySettings> {

    final TextField name = new TextField("Policy");
    final ComboBox<Priority> priority = new ComboBox<>("Priority");
    final ComboBox<String> channel = new ComboBox<>("Channel");
    final TextField firstResponse = new TextField("First response within");
    final TextField resolution = new TextField("Resolve within");
    final ComboBox<BusinessHoursSettings> hours = new ComboBox<>("Counted in");
    final Checkbox enabled = new Checkbox("Enabled");
    private final SlaSettings settings;
    private final TreeSet<String> channels = new TreeSet<>();
    private Map<Long, BusinessHoursSettings> hoursById = Map.of();

    SlaPoliciesView(SlaSettings settings, ChannelAccounts accounts, PluginHost plugins) {
        super("sla-policies", SlaException.class);
        this.settings = settings;
        grid.addColumn(SlaPolicySettings::name).setHeader("Policy").setAutoWidth(true);
        grid.addColumn(p -> p.priority().name().toLowerCase(Locale.ROOT)).setHeader("Priority").setAutoWidth(true);
        grid.addColumn(p -> p.channel() == null ? "any" : p.channel()).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(p -> DurationText.format(p.firstResponse())).setHeader("First response").setAutoWidth(true);
        grid.addColumn(p -> DurationText.format(p.resolution())).setHeader("Resolution").setAutoWidth(true);
        grid.addColumn(this::hoursName).setHeader("Counted in").setFlexGrow(1);
        grid.addColumn(p -> p.enabled() ? "enabled" : "disabled").setHeader("").setAutoWidth(true);

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
        layOut("SLA policies", List.of(new HorizontalLayout(name, priority, channel),
                new HorizontalLayout(firstResponse, resolution, hours)), enabled);
    }

    @Override
    SlaPolicySettings store(Long id) {
        BusinessHoursSettings counted = hours.getValue();
        return settings.savePolicy(new SlaPolicySettings(id, name.getValue(), priority.getValue(),
                channel.getValue(), DurationText.parse(firstResponse.getValue(), "first-response"),
                DurationText.parse(resolution.getValue(), "resolution"), counted == null ? null : counted.id(),
                enabled.getValue()));
    }

    @Override
    void remove(long id) {
        settings.deletePolicy(id);
    }

    @Override
    void fill(SlaPolicySettings policy) {
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
    }

    @Override
    void clearForm() {
        name.clear();
        priority.setValue(Priority.NORMAL);
        channel.clear();
        firstResponse.clear();
        resolution.clear();
        hours.clear();
        enabled.setValue(true);
    }

    @Override
    Long idOf(SlaPolicySettings policy) {
        return policy.id();
    }

    @Override
    String nameOf(SlaPolicySettings policy) {
        return policy.name();
    }

    /* The schedules first: the grid and the form name each policy's. */
    @Override
    void refresh() {
        List<BusinessHoursSettings> schedules = settings.businessHours();
        hoursById = schedules.stream().collect(Collectors.toMap(BusinessHoursSettings::id, Function.identity()));
        hours.setItems(schedules);
        super.refresh();
    }

    @Override
    List<SlaPolicySettings> load() {
        return settings.policies();
    }

    private String hoursName(SlaPolicySettings policy) {
        if (policy.businessHoursId() == null) {
            return "calendar time (24/7)";
        }
        BusinessHoursSettings counted = hoursById.get(policy.businessHoursId());
        return counted == null ? "?" : counted.name();
    }
}
