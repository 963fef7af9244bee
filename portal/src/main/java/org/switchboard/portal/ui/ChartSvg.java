package org.switchboard.portal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts rendered on the server as self-contained SVG (no library, nothing commercial): a line chart for series and
 * a bar chart for categories. Colours are the Okabe–Ito palette, readable with colour-blindness; every point and bar
 * has a tooltip ({@code <title>}), the chart has {@code role="img"} and an {@code aria-label}, and styles are inline
 * so the browser can draw the SVG on a canvas for "Download PNG".
 */
final class ChartSvg {

    /** Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7",
            "#F0E442", "#000000");

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;
    private static final String FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""
            + " font-size=\"11\"";

    /**
     * One line of a line chart.
     *
     * @param name   its legend entry
     * @param values one value per x label; {@code null} is a gap
     * @param dashed drawn dashed (e.g. the previous period)
     */
    record Line(String name, List<Double> values, boolean dashed) {
    }

    private ChartSvg() {
    }

    /** A line chart: x labels, lines, a formatter for values (axis and tooltips). */
    static String lines(String label, List<String> xLabels, List<Line> lines, DoubleFunction<String> format) {
        double max = lines.stream().flatMap(l -> l.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceTop(max);
        var svg = start(label);
        axes(svg, top, format);
        int n = xLabels.size();
        double step = n <= 1 ? 0 : (double) (WIDTH - LEFT - RIGHT) / (n - 1);
        xAxisLabels(svg, xLabels, i -> LEFT + (n <= 1 ? (WIDTH - LEFT - RIGHT) / 2.0 : i * step));
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            String colour = PALETTE.get(l % PALETTE.size());
            var path = new StringBuilder();
            boolean pen = false;
            var dots = new StringBuilder();
            for (int i = 0; i < line.values().size() && i < n; i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + (n <= 1 ? (WIDTH - LEFT - RIGHT) / 2.0 : i * step);
                double y = y(v, top);
                path.append(pen ? " L" : " M").append(num(x)).append(' ').append(num(y));
                pen = true;
                dots.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3\" fill=\"")
                        .append(colour).append("\"><title>").append(escape(line.name() + ", " + xLabels.get(i) + ": "
                                + format.apply(v))).append("</title></circle>");
            }
            svg.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
                    .append(colour).append("\" stroke-width=\"2\"")
                    .append(line.dashed() ? " stroke-dasharray=\"6 4\"" : "").append("/>").append(dots);
        }
        legend(svg, lines.stream().map(Line::name).toList(), lines.stream().map(Line::dashed).toList());
        return svg.append("</svg>").toString();
    }

    /** A bar chart of categories. */
    static String bars(String label, List<String> categories, List<Double> values, DoubleFunction<String> format) {
        double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceTop(max);
        var svg = start(label);
        axes(svg, top, format);
        int n = categories.size();
        double slot = n == 0 ? 0 : (double) (WIDTH - LEFT - RIGHT) / n;
        double width = Math.max(1, slot * 0.7);
        xAxisLabels(svg, categories, i -> LEFT + slot * i + slot / 2);
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null) {
                continue;
            }
            double y = y(v, top);
            svg.append("<rect x=\"").append(num(LEFT + slot * i + (slot - width) / 2)).append("\" y=\"").append(num(y))
                    .append("\" width=\"").append(num(width)).append("\" height=\"")
                    .append(num(HEIGHT - BOTTOM - y)).append("\" fill=\"").append(PALETTE.getFirst())
                    .append("\"><title>").append(escape(categories.get(i) + ": " + format.apply(v)))
                    .append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder start(String label) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" width=\"100%\" style=\"max-width:" + WIDTH + "px\" role=\"img\" aria-label=\"" + escape(label)
                + "\"><title>" + escape(label) + "</title><rect width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" fill=\"#ffffff\"/>");
    }

    private static void axes(StringBuilder svg, double top, DoubleFunction<String> format) {
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = y(value, top);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#d0d5dd\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#344054\" ").append(FONT).append(">")
                    .append(escape(format.apply(value))).append("</text>");
        }
    }

    private static void xAxisLabels(StringBuilder svg, List<String> labels, java.util.function.IntToDoubleFunction x) {
        int n = labels.size();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += every) {
            svg.append("<text x=\"").append(num(x.applyAsDouble(i))).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" fill=\"#344054\" ").append(FONT).append(">")
                    .append(escape(labels.get(i))).append("</text>");
        }
    }

    private static void legend(StringBuilder svg, List<String> names, List<Boolean> dashed) {
        double x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            String colour = PALETTE.get(i % PALETTE.size());
            int y = HEIGHT - 10;
            svg.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x + 18)).append("\" y1=\"").append(y - 4)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"").append(dashed.get(i) ? " stroke-dasharray=\"6 4\"" : "")
                    .append("/><text x=\"").append(num(x + 22)).append("\" y=\"").append(y).append("\" fill=\"#344054\" ")
                    .append(FONT).append(">").append(escape(names.get(i))).append("</text>");
            x += 30 + names.get(i).length() * 6.5;
        }
    }

    /** A round upper bound for the axis: 1, 2 or 5 times a power of ten, at least the maximum. */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= max) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static double y(double value, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The values of a chart as rows, for its table alternative and tests. */
    static List<List<String>> table(List<String> xLabels, List<Line> lines, DoubleFunction<String> format) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < xLabels.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(xLabels.get(i));
            for (Line line : lines) {
                Double v = i < line.values().size() ? line.values().get(i) : null;
                row.add(v == null ? "—" : format.apply(v));
            }
            rows.add(row);
        }
        return rows;
    }
}
