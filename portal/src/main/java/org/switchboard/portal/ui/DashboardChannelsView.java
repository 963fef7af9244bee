package org.switchboard.portal.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.inbox.InboxChoices;
import org.switchboard.portal.metrics.BreakdownRow;
import org.switchboard.portal.metrics.Dimension;
import org.switchboard.portal.metrics.Metric;
import org.switchboard.portal.metrics.Metrics;
import org.switchboard.portal.metrics.MetricsException;
import org.switchboard.portal.metrics.MetricsQuery;

/**
 * Every metric side by side for each channel (account or kind): quality must not depend on the channel the
 * customer chose. A chart compares one metric across channels.
 */
@Route("dashboards/channels")
@PageTitle("Dashboards · Channels · Switchboard")
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class DashboardChannelsView extends VerticalLayout {

    final DashboardFilters filters;
    final Select<Dimension> by = new Select<>();
    final Grid<Metric> table = new Grid<>();
    final Anchor csv;
    final ComboBox<Metric> charted = new ComboBox<>("Chart");
    final DashboardChart chart = new DashboardChart("channels-chart", "By channel", "");

    private final Metrics metrics;
    List<BreakdownRow> rows = List.of();

    DashboardChannelsView(Metrics metrics, InboxChoices choices, ChannelAccounts accounts) {
        this.metrics = metrics;
        setWidthFull();
        filters = new DashboardFilters(metrics.today(), choices, accounts.list(), metrics.intents(), false, true,
                this::refresh);
        by.setId("channels-by");
        by.setLabel("Side by side");
        by.setItems(Dimension.CHANNEL_ACCOUNT, Dimension.CHANNEL_KIND);
        by.setItemLabelGenerator(d -> d == Dimension.CHANNEL_ACCOUNT ? "Each channel account" : "Each channel kind");
        by.setValue(Dimension.CHANNEL_ACCOUNT);
        by.addValueChangeListener(e -> refresh());
        table.setId("channels-table");
        table.setAllRowsVisible(true);
        csv = DashboardCsv.anchor("channels-csv", "metrics-by-channel.csv", this::csv);
        charted.setId("channels-metric");
        charted.setItems(Metric.values());
        charted.setItemLabelGenerator(Metric::label);
        charted.setValue(Metric.FCR_RATE);
        charted.addValueChangeListener(e -> showChart());
        charted.setWidth("24em");
        HorizontalLayout options = new HorizontalLayout(by);
        add(DashboardNav.of("Dashboards · Channels", true), filters, options, table, csv, charted, chart,
                new Paragraph("A channel is where the sample happened: the first channel for conversations, the"
                        + " channel at the first reply, at the resolution, at the survey (docs/metrics.md)."));
        refresh();
    }

    void refresh() {
        MetricsQuery query;
        try {
            query = filters.query();
        } catch (MetricsException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        rows = metrics.breakdown(query, by.getValue());
        table.removeAllColumns();
        table.addComponentColumn(DashboardView::metricName).setHeader("Metric").setAutoWidth(true).setFrozen(true);
        for (BreakdownRow row : rows) {
            table.addColumn(m -> m.format(row.value(m))).setHeader(row.label()).setKey(row.key()).setAutoWidth(true);
        }
        table.setItems(Metric.values());
        showChart();
    }

    private void showChart() {
        Metric metric = charted.getValue() == null ? Metric.FCR_RATE : charted.getValue();
        chart.title.setText(metric.label() + " by channel");
        chart.showBars("Channel", metric.label(), rows.stream().map(BreakdownRow::label).toList(),
                rows.stream().map(r -> r.value(metric)).toList(), DashboardView.axis(metric), DashboardCsv::number);
    }

    /** Metrics as rows, channels as columns; raw numbers. */
    String csv() {
        List<String> header = new ArrayList<>(List.of("metric", "unit"));
        rows.forEach(r -> header.add(r.label()));
        List<List<String>> lines = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            List<String> line = new ArrayList<>(List.of(metric.label(), DashboardView.unit(metric)));
            rows.forEach(r -> line.add(DashboardCsv.number(r.value(metric))));
            lines.add(line);
        }
        return DashboardCsv.of(header, lines);
    }
}
