package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * CSV for every dashboard table (RFC 4180: comma, CRLF, quotes doubled, UTF-8 with a byte order mark so
 * spreadsheet programs read the names right). Numbers are raw — seconds, rates from 0 to 1 — so they can be computed
 * with; an empty cell means "no value".
 */
final class DashboardCsv {

    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private DashboardCsv() {
    }

    static String of(List<String> header, List<List<String>> rows) {
        var csv = new StringBuilder();
        csv.append(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** A number for CSV: integers plain, fractions with up to 6 decimals; "" for none. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        String text = String.format(Locale.ROOT, "%.6f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A "Download CSV" link that builds the file when clicked. */
    static Anchor anchor(String id, String fileName, Supplier<String> csv) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = ("\uFEFF" + csv.get()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, CONTENT_TYPE, bytes.length);
        }), "Download CSV");
        anchor.setId(id);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }

    private static String line(List<String> cells) {
        return cells.stream().map(DashboardCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        String text = value == null ? "" : value;
        // A leading =, +, - or @ would be a formula in a spreadsheet: quote it with an apostrophe (OWASP advice).
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
