package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.inbox.InboxChoices;
import org.switchboard.portal.live.LiveUpdates;
import org.switchboard.portal.metrics.BreakdownRow;
import org.switchboard.portal.metrics.Dimension;
import org.switchboard.portal.metrics.Granularity;
import org.switchboard.portal.metrics.LiveFigures;
import org.switchboard.portal.metrics.Metric;
import org.switchboard.portal.metrics.Metrics;
import org.switchboard.portal.metrics.MetricsException;
import org.switchboard.portal.metrics.MetricsQuery;
import org.switchboard.portal.metrics.MetricsRebuild;
import org.switchboard.portal.metrics.MetricsReport;
import org.switchboard.portal.routing.Availability;

/**
 * The supervisors' overview: live tiles (updated by Push on every conversation and availability change), every
 * metric for the period beside the previous period, trend charts, and volume by channel, hour of day and intent.
 * Every table downloads as CSV, every chart as PNG.
 */
@Route("dashboards")
@PageTitle("Dashboards · Switchboard")
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class DashboardView extends VerticalLayout {

    /** The metrics charted over time, in this order. */
    static final List<Metric> TRENDS = List.of(Metric.CONVERSATIONS, Metric.FIRST_RESPONSE_MEDIAN,
            Metric.FIRST_RESPONSE_BUSINESS_MEDIAN, Metric.RESOLUTION_MEDIAN, Metric.FCR_RATE, Metric.CSAT_SCORE,
            Metric.CSAT_RESPONSE_RATE, Metric.ESCALATION_RATE, Metric.BOT_RESOLUTION_RATE, Metric.CHANNEL_SWITCH_RATE,
            Metric.CROSS_CHANNEL_RESOLUTION_RATE, Metric.REPEAT_CONTACT_RATE, Metric.SLA_FIRST_RESPONSE_BREACH_RATE,
            Metric.SLA_RESOLUTION_BREACH_RATE);

    final Map<String, Span> tiles = new LinkedHashMap<>();
    final DashboardFilters filters;
    final Grid<Metric> kpis = new Grid<>();
    final Anchor kpiCsv;
    final Map<Metric, DashboardChart> trends = new LinkedHashMap<>();
    final DashboardChart byChannel = new DashboardChart("volume-by-channel", "Conversations by channel",
            Metric.CONVERSATIONS.description());
    final DashboardChart byHour = new DashboardChart("volume-by-hour", "Conversations by hour of day",
            "Conversations started per local hour of day over the period (reporting time zone).");
    final DashboardChart byIntent = new DashboardChart("volume-by-intent", "Conversations by intent",
            "Conversations started per intent (the first intent the classifier gave).");
    final Button rebuild = new Button("Rebuild metrics");
    final Paragraph footnote = new Paragraph();

    private final Metrics metrics;
    private final LiveFigures live;
    private final LiveUpdates liveUpdates;
    private final Availability availability;
    private final List<Runnable> subscriptions = new ArrayList<>();
    MetricsReport report;

    DashboardView(Metrics metrics, LiveFigures live, LiveUpdates liveUpdates, Availability availability,
            InboxChoices choices, ChannelAccounts accounts, MetricsRebuild rebuilds,
            AuthenticationContext authentication) {
        this.metrics = metrics;
        this.live = live;
        this.liveUpdates = liveUpdates;
        this.availability = availability;
        setWidthFull();
        filters = new DashboardFilters(metrics.today(), choices, accounts.list(), metrics.intents(), true, true,
                this::refresh);

        FlexLayout tileRow = new FlexLayout();
        tileRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tileRow.getStyle().set("gap", "var(--lumo-space-m)");
        tile(tileRow, "open", "Open", "Conversations with status open, now.");
        tile(tileRow, "unassigned", "Unassigned", "Open, pending or snoozed conversations nobody is assigned to.");
        tile(tileRow, "waiting", "Waiting longest", "How long the customer waiting longest for an answer has waited.");
        tile(tileRow, "online", "Agents online", "Agents whose availability is Online.");
        tile(tileRow, "sla", "SLA at risk", "Conversations with an SLA target due soon or already breached.");

        kpis.setId("dashboard-kpis");
        kpis.addComponentColumn(DashboardView::metricName).setHeader("Metric").setFlexGrow(2);
        kpis.addColumn(m -> m.format(report == null ? null : report.value(m))).setHeader("This period")
                .setAutoWidth(true);
        kpis.addColumn(m -> m.format(report == null ? null : report.previousValue(m))).setHeader("Previous period")
                .setAutoWidth(true);
        kpis.addColumn(m -> change(m, report)).setHeader("Change").setAutoWidth(true);
        kpis.setAllRowsVisible(true);
        kpiCsv = DashboardCsv.anchor("dashboard-kpis-csv", "metrics.csv", this::kpiCsv);

        FlexLayout charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-l)");
        for (Metric metric : TRENDS) {
            DashboardChart chart = new DashboardChart("trend-" + metric.name().toLowerCase(Locale.ROOT).replace('_',
                    '-'), metric.label(), metric.description());
            chart.setWidth("40em");
            chart.getStyle().set("max-width", "100%");
            trends.put(metric, chart);
            charts.add(chart);
        }
        FlexLayout volumes = new FlexLayout(byChannel, byHour, byIntent);
        volumes.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        volumes.getStyle().set("gap", "var(--lumo-space-l)");
        List.of(byChannel, byHour, byIntent).forEach(c -> c.setWidth("40em"));

        rebuild.setId("dashboard-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        rebuild.setVisible(authentication.hasRole("ADMIN"));
        rebuild.addClickListener(e -> {
            try {
                rebuilds.requestRebuild();
                Notification.show("Rebuilding the metrics in the background; the figures update when it is done.");
            } catch (AccessDeniedException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        footnote.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size",
                "var(--lumo-font-size-s)");
        footnote.setText("Business hours for reporting: " + metrics.reportingCalendar() + ". Definitions: hover a"
                + " metric's name, or see docs/metrics.md.");

        add(DashboardNav.of("Dashboards · Overview", true), tileRow, filters, new H4("This period and the previous"),
                kpis, kpiCsv, new H4("Trends"), charts, new H4("Volume"), volumes, footnote, rebuild);
        refreshTiles();
        refresh();
    }

    private void tile(FlexLayout row, String id, String label, String description) {
        Span value = new Span("—");
        value.setId("tile-" + id);
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span name = new Span(label);
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(name, new Div(value));
        card.getStyle().set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "9em");
        card.getElement().setAttribute("role", "status");
        card.getElement().setAttribute("aria-label", label);
        Tooltip.forComponent(card).setText(description);
        tiles.put(id, value);
        row.add(card);
    }

    /** The live tiles, now. */
    void refreshTiles() {
        LiveFigures.Tiles now = live.now();
        tiles.get("open").setText(String.valueOf(now.open()));
        tiles.get("unassigned").setText(String.valueOf(now.unassigned()));
        tiles.get("waiting").setText(now.waitingLongest() == null ? "—"
                : Metric.formatDuration(Math.max(0, now.waitingLongest().getSeconds())));
        tiles.get("online").setText(String.valueOf(now.agentsOnline()));
        tiles.get("sla").setText(String.valueOf(now.slaAtRisk()));
    }

    /** Reads the figures for the filters and shows them. */
    void refresh() {
        MetricsQuery query;
        try {
            query = filters.query();
        } catch (MetricsException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        report = metrics.report(query);
        kpis.setItems(Metric.values());
        List<String> x = report.series().stream().map(p -> xLabel(query.granularity(), p.start())).toList();
        for (var entry : trends.entrySet()) {
            Metric metric = entry.getKey();
            List<Double> current = report.series().stream().map(p -> p.values().get(metric)).toList();
            List<Double> previous = report.previousSeries().stream().map(p -> p.values().get(metric)).toList();
            entry.getValue().showLines(periodColumn(query.granularity()), x, List.of(
                    new ChartSvg.Line("This period", current, false),
                    new ChartSvg.Line("Previous period", previous, true)), axis(metric), DashboardCsv::number);
        }
        List<BreakdownRow> channels = metrics.breakdown(query, Dimension.CHANNEL_ACCOUNT);
        byChannel.showBars("Channel", "Conversations", channels.stream().map(BreakdownRow::label).toList(),
                channels.stream().map(r -> r.value(Metric.CONVERSATIONS)).toList(), axis(Metric.CONVERSATIONS),
                DashboardCsv::number);
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(String.format(Locale.ROOT, "%02d", h));
        }
        byHour.showBars("Hour of day", "Conversations", hours, report.conversationsByHourOfDay().stream()
                .map(Long::doubleValue).toList(), axis(Metric.CONVERSATIONS), DashboardCsv::number);
        List<BreakdownRow> intents = metrics.breakdown(query, Dimension.INTENT);
        byIntent.showBars("Intent", "Conversations", intents.stream().map(BreakdownRow::label).toList(),
                intents.stream().map(r -> r.value(Metric.CONVERSATIONS)).toList(), axis(Metric.CONVERSATIONS),
                DashboardCsv::number);
    }

    /** The KPI table as CSV: raw numbers (seconds, rates 0–1). */
    String kpiCsv() {
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            rows.add(List.of(metric.label(), unit(metric), DashboardCsv.number(report.value(metric)),
                    DashboardCsv.number(report.previousValue(metric))));
        }
        return DashboardCsv.of(List.of("metric", "unit", "this period", "previous period"), rows);
    }

    static String unit(Metric metric) {
        return switch (metric.kind()) {
            case COUNT -> "count";
            case DURATION -> "seconds";
            case RATE -> "share (0-1)";
            case RATING -> "rating (1-5)";
        };
    }

    static Span metricName(Metric metric) {
        Span name = new Span(metric.label());
        name.getElement().setAttribute("title", metric.description());
        Tooltip.forComponent(name).setText(metric.description());
        return name;
    }

    /** "+12.0%" for counts and durations, "+3.1 pp" for rates, "" without both values. */
    static String change(Metric metric, MetricsReport report) {
        if (report == null) {
            return "";
        }
        Double now = report.value(metric);
        Double before = report.previousValue(metric);
        if (now == null || before == null) {
            return "";
        }
        if (metric.kind() == Metric.Kind.RATE) {
            return String.format(Locale.ROOT, "%+.1f pp", (now - before) * 100);
        }
        if (before == 0) {
            return now == 0 ? "±0" : "new";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (now - before) / before * 100);
    }

    static java.util.function.DoubleFunction<String> axis(Metric metric) {
        return switch (metric.kind()) {
            case DURATION -> v -> Metric.formatDuration(Math.round(v));
            case RATE -> v -> String.format(Locale.ROOT, "%.0f%%", v * 100);
            case COUNT -> v -> v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", Math.round(v))
                    : String.format(Locale.ROOT, "%.1f", v);
            case RATING -> v -> String.format(Locale.ROOT, "%.1f", v);
        };
    }

    static String periodColumn(Granularity granularity) {
        return switch (granularity) {
            case HOUR -> "hour";
            case DAY -> "day";
            case WEEK -> "week from";
        };
    }

    static String xLabel(Granularity granularity, LocalDateTime start) {
        return granularity == Granularity.HOUR ? start.format(DateTimeFormatter.ofPattern("MMM d HH:00", Locale.ENGLISH))
                : start.toLocalDate().toString();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscriptions.add(liveUpdates.subscribe(change -> ui.access(this::refreshTiles)));
        subscriptions.add(availability.subscribe(change -> ui.access(this::refreshTiles)));
        subscriptions.add(metrics.subscribe(() -> ui.access(this::refresh)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
    }
}
