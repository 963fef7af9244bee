package org.switchboard.plugins.textclassifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * Reads {@code text,label} CSV (RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes).
 * A first row {@code text,label} is a header and skipped; blank lines are ignored.
 */
public final class LabelledCsv {

    private LabelledCsv() {
    }

    /**
     * Parses the whole input.
     *
     * @param in the CSV
     * @return the examples, in file order
     * @throws IOException when reading fails or a row is malformed (the message names the line)
     */
    public static List<LabelledText> read(Reader reader) throws IOException {
        Reader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        List<LabelledText> examples = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowLine = 1;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        ch = (char) next;
                        // fall through to the unquoted handling of the character after the closing quote
                        if (ch == ',') {
                            row.add(field.toString());
                            field.setLength(0);
                            fieldStarted = false;
                        } else if (ch == '\n' || ch == '\r') {
                            line++;
                            if (ch == '\r') {
                                skipLf(in);
                            }
                            endRow(row, field, examples, rowLine);
                            fieldStarted = false;
                            rowLine = line;
                        } else {
                            throw new IOException("line " + rowLine + ": text after a closing quote");
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                line++;
                if (ch == '\r') {
                    skipLf(in);
                }
                endRow(row, field, examples, rowLine);
                fieldStarted = false;
                rowLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IOException("line " + rowLine + ": a quoted field is never closed");
        }
        endRow(row, field, examples, rowLine);
        return examples;
    }

    private static void skipLf(Reader in) throws IOException {
        in.mark(1);
        if (in.read() != '\n') {
            in.reset();
        }
    }

    private static void endRow(List<String> row, StringBuilder field, List<LabelledText> examples, int line)
            throws IOException {
        row.add(field.toString());
        field.setLength(0);
        try {
            if (row.size() == 1 && row.getFirst().isBlank()) {
                return;
            }
            if (row.size() != 2) {
                throw new IOException("line " + line + ": expected 2 fields (text,label), found " + row.size());
            }
            String text = row.get(0).strip();
            String label = row.get(1).strip();
            if (examples.isEmpty() && text.equalsIgnoreCase("text") && label.equalsIgnoreCase("label")) {
                return;
            }
            examples.add(new LabelledText(text, label));
        } finally {
            row.clear();
        }
    }
}
