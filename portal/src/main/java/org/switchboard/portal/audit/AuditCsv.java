package org.switchboard.portal.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/**
 * Audit entries as CSV (RFC 4180): a header row, CRLF line ends, fields with commas, quotes or line breaks quoted
 * with their quotes doubled. A field starting with {@code = + - @} or a tab gets a leading apostrophe, so that a
 * spreadsheet opening the file never runs a formula someone smuggled into, say, a customer's name (CSV injection).
 */
final class AuditCsv {

    static final String HEADER = "occurred_at,actor,action,target,detail";

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    static void row(Writer out, AuditEntry entry) throws IOException {
        out.write(String.join(",", field(DateTimeFormatter.ISO_INSTANT.format(entry.getOccurredAt())),
                field(entry.getActor()), field(entry.getAction()), field(entry.getTarget()),
                field(entry.getDetail())));
        out.write("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
