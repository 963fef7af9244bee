package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.shared.Tooltip;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * A chart on a dashboard: its title (the metric's definition as tooltip), the server-rendered SVG, "Download PNG"
 * (the browser draws the SVG on a canvas), and the same numbers as a table with a CSV download, for screen readers
 * and spreadsheets.
 */
class DashboardChart extends VerticalLayout {

    /* Draws the chart's SVG on a canvas twice its size, on white, and downloads it as PNG. */
    private static final String PNG = """
            const svg = $0.querySelector('svg');
            if (!svg) { return; }
            const box = svg.viewBox.baseVal;
            const data = new XMLSerializer().serializeToString(svg);
            const image = new Image();
            image.onload = () => {
              const canvas = document.createElement('canvas');
              canvas.width = box.width * 2; canvas.height = box.height * 2;
              const context = canvas.getContext('2d');
              context.fillStyle = '#ffffff'; context.fillRect(0, 0, canvas.width, canvas.height);
              context.drawImage(image, 0, 0, canvas.width, canvas.height);
              const link = document.createElement('a');
              link.download = $1; link.href = canvas.toDataURL('image/png');
              document.body.appendChild(link); link.click(); link.remove();
            };
            image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(data);""";

    final H4 title = new H4();
    final Div canvas = new Div();
    final Button png = new Button("Download PNG", VaadinIcon.DOWNLOAD_ALT.create());
    final Details data = new Details("Data table");
    private final Div table = new Div();
    final com.vaadin.flow.component.html.Anchor csv;
    private final String fileName;
    String svg = "";
    List<String> header = List.of();
    List<List<String>> rows = List.of();

    DashboardChart(String id, String heading, String description) {
        setId(id);
        setPadding(false);
        setSpacing(false);
        fileName = id;
        title.setText(heading);
        title.getElement().setAttribute("title", description);
        Tooltip.forComponent(title).setText(description);
        png.setId(id + "-png");
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        png.addClickListener(e -> png.getUI().ifPresent(ui -> ui.getPage().executeJs(PNG, canvas.getElement(),
                fileName + ".png")));
        canvas.setWidthFull();
        csv = DashboardCsv.anchor(id + "-csv", id + ".csv", () -> DashboardCsv.of(header, rows));
        data.add(table, csv);
        HorizontalLayout top = new HorizontalLayout(title, png);
        top.setAlignItems(Alignment.BASELINE);
        add(top, canvas, data);
    }

    /** Shows lines over x labels (the first line is the period, a dashed one the previous period). */
    void showLines(String column, List<String> xLabels, List<ChartSvg.Line> lines, DoubleFunction<String> format,
            DoubleFunction<String> raw) {
        show(ChartSvg.lines(title.getText(), xLabels, lines, format),
                header(column, lines.stream().map(ChartSvg.Line::name).toList()),
                ChartSvg.table(xLabels, lines, raw));
    }

    /** Shows bars per category. */
    void showBars(String column, String valueName, List<String> categories, List<Double> values,
            DoubleFunction<String> format, DoubleFunction<String> raw) {
        ChartSvg.Line line = new ChartSvg.Line(valueName, values, false);
        show(ChartSvg.bars(title.getText(), categories, values, format), header(column, List.of(valueName)),
                ChartSvg.table(categories, List.of(line), raw));
    }

    private static List<String> header(String first, List<String> rest) {
        List<String> header = new ArrayList<>();
        header.add(first);
        header.addAll(rest);
        return header;
    }

    private void show(String chart, List<String> newHeader, List<List<String>> newRows) {
        svg = chart;
        header = newHeader;
        rows = newRows.stream().map(r -> r.stream().map(c -> c.equals("—") ? "" : c).toList()).toList();
        canvas.getElement().setProperty("innerHTML", chart);
        table.getElement().setProperty("innerHTML", "<table><thead><tr>" + newHeader.stream()
                .map(h -> "<th scope=\"col\">" + ChartSvg.escape(h) + "</th>").collect(Collectors.joining())
                + "</tr></thead><tbody>" + newRows.stream().map(r -> "<tr>" + r.stream()
                        .map(c -> "<td>" + ChartSvg.escape(c) + "</td>").collect(Collectors.joining()) + "</tr>")
                        .collect(Collectors.joining()) + "</tbody></table>");
    }
}
