package org.switchboard.portal.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.inbox.InboxChoices;
import org.switchboard.portal.metrics.Granularity;
import org.switchboard.portal.metrics.MetricsFilter;
import org.switchboard.portal.metrics.MetricsQuery;

/**
 * The dashboards' date range, granularity and filters (channel, channel kind, team, agent, intent; empty = any).
 * Defaults to the last 30 days by day.
 */
class DashboardFilters extends FlexLayout {

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Select<Granularity> granularity = new Select<>();
    final MultiSelectComboBox<ChannelAccountView> channels = new MultiSelectComboBox<>("Channel");
    final MultiSelectComboBox<String> kinds = new MultiSelectComboBox<>("Channel kind");
    final MultiSelectComboBox<InboxChoices.Choice> teams = new MultiSelectComboBox<>("Team");
    final MultiSelectComboBox<InboxChoices.Choice> agents = new MultiSelectComboBox<>("Agent");
    final MultiSelectComboBox<String> intents = new MultiSelectComboBox<>("Intent");

    DashboardFilters(LocalDate today, InboxChoices choices, List<ChannelAccountView> accounts, List<String> intentLabels,
            boolean channelFilters, boolean agentFilter, Runnable onChange) {
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-s)");
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        from.setValue(today.minusDays(29));
        to.setValue(today);
        granularity.setId("dashboard-granularity");
        granularity.setLabel("By");
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> switch (g) {
            case HOUR -> "Hour (up to 7 days)";
            case DAY -> "Day";
            case WEEK -> "Week";
        });
        granularity.setValue(Granularity.DAY);
        channels.setId("dashboard-channels");
        channels.setItems(accounts);
        channels.setItemLabelGenerator(a -> a.name() + " (" + a.connectorId() + ")");
        kinds.setId("dashboard-kinds");
        kinds.setItems(accounts.stream().map(ChannelAccountView::connectorId).distinct().sorted().toList());
        teams.setId("dashboard-teams");
        teams.setItems(choices.teams());
        teams.setItemLabelGenerator(InboxChoices.Choice::name);
        agents.setId("dashboard-agents");
        agents.setItems(choices.agents());
        agents.setItemLabelGenerator(InboxChoices.Choice::name);
        intents.setId("dashboard-intents");
        intents.setItems(intentLabels);
        channels.setVisible(channelFilters);
        kinds.setVisible(channelFilters);
        agents.setVisible(agentFilter);
        List<HasValue<?, ?>> fields = List.of(from, to, granularity, channels, kinds, teams, agents, intents);
        fields.forEach(f -> f.addValueChangeListener(e -> onChange.run()));
        add(from, to, granularity, channels, kinds, teams, agents, intents);
    }

    /**
     * The question the fields ask.
     *
     * @throws org.switchboard.portal.metrics.MetricsException when the range is not allowed
     */
    MetricsQuery query() {
        LocalDate start = from.getValue() == null ? LocalDate.now().minusDays(29) : from.getValue();
        LocalDate end = to.getValue() == null ? start : to.getValue();
        MetricsFilter filter = new MetricsFilter(
                channels.getValue().stream().map(ChannelAccountView::id).collect(Collectors.toSet()),
                Set.copyOf(kinds.getValue()),
                teams.getValue().stream().map(InboxChoices.Choice::id).collect(Collectors.toSet()),
                agents.getValue().stream().map(InboxChoices.Choice::id).collect(Collectors.toSet()),
                Set.copyOf(intents.getValue()));
        return new MetricsQuery(start, end, granularity.getValue(), filter);
    }
}
