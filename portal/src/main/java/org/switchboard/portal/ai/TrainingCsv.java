package org.switchboard.portal.ai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * Reads uploaded training data: CSV with two columns, {@code text,label}, an optional header, RFC 4180 quoting
 * (texts may hold commas, quotes and line breaks). Refuses malformed rows with their line number.
 */
public final class TrainingCsv {

    /** More than this is not a retraining set but a mistake (or an attack). */
    public static final int MAX_ROWS = 50_000;

    private TrainingCsv() {
    }

    public static List<LabelledText> parse(byte[] csv) {
        String content = new String(csv, StandardCharsets.UTF_8);
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<List<String>> rows = rows(content);
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (i == 0 && row.size() == 2 && row.get(0).strip().equalsIgnoreCase("text")
                    && row.get(1).strip().equalsIgnoreCase("label")) {
                continue;
            }
            if (row.size() != 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                throw new IllegalArgumentException("row " + (i + 1) + ": expected two columns, text and label");
            }
            examples.add(new LabelledText(row.get(0).strip(), row.get(1).strip()));
            if (examples.size() > MAX_ROWS) {
                throw new IllegalArgumentException("more than " + MAX_ROWS + " rows");
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the file has no examples");
        }
        return examples;
    }

    private static List<List<String>> rows(String content) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted text is not closed");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
