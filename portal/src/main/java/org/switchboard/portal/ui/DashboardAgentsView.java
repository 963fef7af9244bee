package org.switchboard.portal.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.inbox.InboxChoices;
import org.switchboard.portal.metrics.BreakdownRow;
import org.switchboard.portal.metrics.Dimension;
import org.switchboard.portal.metrics.LiveFigures;
import org.switchboard.portal.metrics.Metric;
import org.switchboard.portal.metrics.Metrics;
import org.switchboard.portal.metrics.MetricsException;
import org.switchboard.portal.metrics.MetricsQuery;
import org.switchboard.portal.metrics.MetricsReport;

/**
 * Agents' figures. Supervisors and admins see the leaderboard (workload and quality per agent, sortable, CSV) and
 * pick an agent for their trends; an agent sees only their own figures (the service refuses anything else).
 */
@Route("dashboards/agents")
@PageTitle("Dashboards · Agents · Switchboard")
@PermitAll
public class DashboardAgentsView extends VerticalLayout {

    /** The leaderboard's columns, in order. */
    static final List<Metric> BOARD = List.of(Metric.ASSIGNED, Metric.REPLIES, Metric.RESOLUTIONS,
            Metric.FIRST_RESPONSE_MEDIAN, Metric.RESOLUTION_MEDIAN, Metric.FCR_RATE, Metric.CSAT_SCORE,
            Metric.CSAT_RESPONSE_RATE, Metric.SLA_FIRST_RESPONSE_BREACH_RATE);
    /** The trends shown for one agent. */
    static final List<Metric> AGENT_TRENDS = List.of(Metric.RESOLUTIONS, Metric.FIRST_RESPONSE_MEDIAN,
            Metric.FCR_RATE, Metric.CSAT_SCORE);

    final boolean supervisor;
    final DashboardFilters filters;
    final Grid<BreakdownRow> leaderboard = new Grid<>();
    final Anchor leaderboardCsv;
    final ComboBox<InboxChoices.Choice> agent = new ComboBox<>("Agent");
    final Grid<Metric> kpis = new Grid<>();
    final Anchor kpiCsv;
    final Map<Metric, DashboardChart> trends = new LinkedHashMap<>();
    final H4 agentTitle = new H4();

    private final Metrics metrics;
    private final LiveFigures live;
    private final AgentView self;
    List<BreakdownRow> rows = List.of();
    Map<Long, Long> openNow = Map.of();
    MetricsReport agentReport;

    DashboardAgentsView(Metrics metrics, LiveFigures live, InboxChoices choices, ChannelAccounts accounts,
            CurrentAgent currentAgent, AuthenticationContext authentication) {
        this.metrics = metrics;
        this.live = live;
        this.self = currentAgent.get();
        this.supervisor = authentication.hasAnyRole("SUPERVISOR", "ADMIN");
        setWidthFull();
        filters = new DashboardFilters(metrics.today(), choices, accounts.list(), metrics.intents(), true, false,
                this::refresh);

        leaderboard.setId("agents-leaderboard");
        leaderboard.addColumn(BreakdownRow::label).setHeader("Agent").setKey("agent").setSortable(true)
                .setComparator(Comparator.comparing(BreakdownRow::label, String.CASE_INSENSITIVE_ORDER))
                .setAutoWidth(true).setFrozen(true);
        leaderboard.addColumn(r -> String.valueOf(openNow.getOrDefault(Long.valueOf(r.key()), 0L)))
                .setHeader("Open now").setKey("open-now").setSortable(true)
                .setComparator(Comparator.comparing(r -> openNow.getOrDefault(Long.valueOf(r.key()), 0L)))
                .setAutoWidth(true);
        for (Metric metric : BOARD) {
            leaderboard.addColumn(r -> metric.format(r.value(metric)))
                    .setHeader(DashboardView.metricName(metric)).setKey(metric.name()).setSortable(true)
                    .setComparator(Comparator.comparing((BreakdownRow r) -> r.value(metric),
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .setAutoWidth(true);
        }
        leaderboard.setAllRowsVisible(true);
        leaderboard.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                agent.getListDataView().getItems().filter(c -> String.valueOf(c.id()).equals(e.getValue().key()))
                        .findFirst().ifPresent(agent::setValue);
            }
        });
        leaderboardCsv = DashboardCsv.anchor("agents-leaderboard-csv", "agents.csv", this::leaderboardCsv);

        agent.setId("agents-agent");
        agent.setItemLabelGenerator(InboxChoices.Choice::name);
        agent.setItems(supervisor ? choices.agents() : List.of(new InboxChoices.Choice(self.id(),
                self.displayName())));
        agent.setValue(agent.getListDataView().getItems().filter(c -> c.id() == self.id()).findFirst()
                .orElse(agent.getListDataView().getItems().findFirst().orElse(null)));
        agent.setReadOnly(!supervisor);
        agent.addValueChangeListener(e -> refreshAgent());

        kpis.setId("agents-kpis");
        kpis.addComponentColumn(DashboardView::metricName).setHeader("Metric").setFlexGrow(2);
        kpis.addColumn(m -> m.format(agentReport == null ? null : agentReport.value(m))).setHeader("This period")
                .setAutoWidth(true);
        kpis.addColumn(m -> m.format(agentReport == null ? null : agentReport.previousValue(m)))
                .setHeader("Previous period").setAutoWidth(true);
        kpis.addColumn(m -> DashboardView.change(m, agentReport)).setHeader("Change").setAutoWidth(true);
        kpis.setAllRowsVisible(true);
        kpiCsv = DashboardCsv.anchor("agents-kpis-csv", "agent-metrics.csv", this::kpiCsv);

        FlexLayout charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-l)");
        for (Metric metric : AGENT_TRENDS) {
            DashboardChart chart = new DashboardChart("agent-trend-" + metric.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), metric.label(), metric.description());
            chart.setWidth("40em");
            trends.put(metric, chart);
            charts.add(chart);
        }

        add(DashboardNav.of(supervisor ? "Dashboards · Agents" : "My figures", supervisor), filters);
        if (supervisor) {
            add(new H4("Leaderboard"), leaderboard, leaderboardCsv);
        }
        add(agent, agentTitle, kpis, kpiCsv, charts, new Paragraph("An agent's figures are the samples attributed"
                + " to them: their first replies, the resolutions and surveys while they were assigned, their"
                + " assignments and replies (docs/metrics.md)."));
        refresh();
    }

    private MetricsQuery query() {
        try {
            return filters.query();
        } catch (MetricsException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }

    void refresh() {
        MetricsQuery query = query();
        if (query == null) {
            return;
        }
        if (supervisor) {
            rows = metrics.breakdown(query, Dimension.AGENT).stream().filter(r -> !r.key().equals("0")).toList();
            openNow = live.openPerAgent();
            leaderboard.setItems(rows);
            if (leaderboard.getSortOrder().isEmpty()) {
                leaderboard.sort(List.of(new GridSortOrder<>(leaderboard.getColumnByKey(Metric.RESOLUTIONS.name()),
                        SortDirection.DESCENDING)));
            }
        }
        refreshAgent();
    }

    void refreshAgent() {
        MetricsQuery query = query();
        InboxChoices.Choice chosen = agent.getValue();
        if (query == null || chosen == null) {
            return;
        }
        MetricsQuery own = query.withFilter(query.filter().withAgents(Set.of(chosen.id())));
        agentReport = metrics.report(own);
        agentTitle.setText(chosen.name());
        kpis.setItems(Metric.values());
        List<String> x = agentReport.series().stream().map(p -> DashboardView.xLabel(own.granularity(), p.start()))
                .toList();
        for (var entry : trends.entrySet()) {
            Metric metric = entry.getKey();
            entry.getValue().showLines(DashboardView.periodColumn(own.granularity()), x, List.of(
                    new ChartSvg.Line("This period", agentReport.series().stream().map(p -> p.values().get(metric))
                            .toList(), false),
                    new ChartSvg.Line("Previous period", agentReport.previousSeries().stream()
                            .map(p -> p.values().get(metric)).toList(), true)),
                    DashboardView.axis(metric), DashboardCsv::number);
        }
    }

    /** The leaderboard as CSV (raw numbers), by agent name. */
    String leaderboardCsv() {
        List<String> header = new ArrayList<>(List.of("agent id", "agent", "open now"));
        BOARD.forEach(m -> header.add(m.label() + " (" + DashboardView.unit(m) + ")"));
        List<List<String>> lines = new ArrayList<>();
        rows.stream().sorted(Comparator.comparing(BreakdownRow::label, String.CASE_INSENSITIVE_ORDER)).forEach(r -> {
            List<String> line = new ArrayList<>(List.of(r.key(), r.label(),
                    String.valueOf(openNow.getOrDefault(Long.valueOf(r.key()), 0L))));
            BOARD.forEach(m -> line.add(DashboardCsv.number(r.value(m))));
            lines.add(line);
        });
        return DashboardCsv.of(header, lines);
    }

    /** The chosen agent's metrics as CSV. */
    String kpiCsv() {
        List<List<String>> lines = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            lines.add(List.of(metric.label(), DashboardView.unit(metric), DashboardCsv.number(agentReport.value(metric)),
                    DashboardCsv.number(agentReport.previousValue(metric))));
        }
        return DashboardCsv.of(List.of("metric", "unit", "this period", "previous period"), lines);
    }
}
