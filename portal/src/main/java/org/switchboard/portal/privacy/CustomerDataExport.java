package org.switchboard.portal.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.customer.UnknownCustomerException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports everything held about a customer (right of access and portability) as a ZIP: {@code customer.json} with
 * the customer records (the one asked for and those merged into it), identities, tags, notes, custom attributes,
 * record events, and every conversation with its events and messages (text, HTML, delivery facts, attachment
 * facts); then each attachment's file under {@code attachments/<id>-<file name>}, named in the JSON as
 * {@code path}. Agents' private notes in conversations (and their NOTE_ADDED events) are working notes among
 * colleagues, not messages with the customer, and are left out. Read in one transaction, so the export is a
 * consistent snapshot. Times are UTC ISO-8601.
 */
@Service
public class CustomerDataExport {

    /** The ZIP's media type, for a download. */
    public static final String CONTENT_TYPE = "application/zip";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The audit action of an export (who downloaded whose data). */
    public static final String AUDIT_EXPORTED = "customer.exported";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final org.switchboard.portal.audit.AuditLog audit;

    CustomerDataExport(JdbcTemplate jdbc, Clock clock, org.switchboard.portal.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.audit = audit;
    }

    /** The export as bytes (attachments are capped by the webhook body limit, so this stays moderate). */
    @Transactional(readOnly = true)
    public byte[] export(long customerId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export(customerId, bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes the export to {@code out} (not closed).
     *
     * @throws UnknownCustomerException no such customer
     */
    @Transactional(readOnly = true)
    public void export(long customerId, OutputStream out) {
        org.switchboard.portal.agent.RoleGuard.requireAdminOrSystem("export customer data");
        List<Long> group = CustomerGroup.of(jdbc, customerId);
        if (group.isEmpty()) {
            throw new UnknownCustomerException(customerId);
        }
        audit.record(org.switchboard.portal.agent.RoleGuard.actor(), AUDIT_EXPORTED, "customer:" + group.getFirst(),
                group.size() + " customer record(s)");
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", group);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "switchboard-customer-export/1");
        root.put("exportedAt", clock.instant().toString());
        root.put("customerId", group.getFirst());
        root.put("customers", rows("""
                select id, display_name, language, preferred_channel_account_id, merged_into_id, merged_at,
                created_at, updated_at from customer where id in (:ids) order by id""", ids));
        root.put("identities", rows("""
                select id, customer_id, kind, identity_value, created_at from customer_identity
                where customer_id in (:ids) order by id""", ids));
        root.put("tags", rows("select customer_id, tag, created_at from customer_tag where customer_id in (:ids)"
                + " order by tag", ids));
        root.put("notes", rows("""
                select id, customer_id, author_name, body, created_at from customer_note
                where customer_id in (:ids) order by created_at, id""", ids));
        root.put("attributes", rows("""
                select v.customer_id, a.attribute_key, a.label, a.value_type, v.attribute_value, v.updated_at
                from customer_attribute_value v join customer_attribute a on a.id = v.attribute_id
                where v.customer_id in (:ids) order by a.position, a.id""", ids));
        root.put("customerEvents", rows("""
                select customer_id, event_type, occurred_at, detail from customer_event
                where customer_id in (:ids) order by occurred_at, id""", ids));

        List<Map<String, Object>> conversations = rows("""
                select id, customer_id, status, priority, subject, last_channel_account_id, created_at, resolved_at,
                last_activity_at from conversation where customer_id in (:ids) order by created_at, id""", ids);
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map<String, Object> conversation : conversations) {
            MapSqlParameterSource conversationId = new MapSqlParameterSource("id", conversation.get("id"));
            conversation.put("events", rows("""
                    select event_type, occurred_at, channel_account_id, detail from conversation_event
                    where conversation_id = :id and event_type <> 'NOTE_ADDED' order by occurred_at, id""",
                    conversationId));
            List<Map<String, Object>> messages = rows("""
                    select id, direction, channel_account_id, identity_kind, identity_value, author_name, body_text,
                    body_html, template_json, external_id, delivery_status, failure_reason, created_at, sent_at
                    from message where conversation_id = :id and direction <> 'NOTE' order by created_at, id""",
                    conversationId);
            for (Map<String, Object> message : messages) {
                List<Map<String, Object>> attachments = rows("""
                        select id, file_name, content_type, size_bytes, inline_part from message_attachment
                        where message_id = :id order by id""", new MapSqlParameterSource("id", message.get("id")));
                for (Map<String, Object> attachment : attachments) {
                    attachment.put("path", "attachments/" + attachment.get("id") + "-"
                            + safeName((String) attachment.get("fileName")));
                    files.add(attachment);
                }
                message.put("attachments", attachments);
            }
            conversation.put("messages", messages);
            // The customer's satisfaction ratings and comments are their data too.
            conversation.put("satisfactionSurveys", rows("""
                    select resolved_at, status, sent_at, answered_at, rating, rating_comment, answered_via
                    from csat_survey where conversation_id = :id order by resolved_at, id""", conversationId));
        }
        root.put("conversations", conversations);

        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("customer.json"));
            zip.write(JSON.writeValueAsBytes(root));
            zip.closeEntry();
            for (Map<String, Object> file : files) {
                zip.putNextEntry(new ZipEntry((String) file.get("path")));
                byte[] content = jdbc.queryForObject("select content from message_attachment where id = ?",
                        byte[].class, file.get("id"));
                zip.write(content == null ? new byte[0] : content);
                zip.closeEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows as ordered maps with camelCase keys; DATETIME columns as UTC ISO-8601 instants. */
    private List<Map<String, Object>> rows(String sql, MapSqlParameterSource params) {
        return named.query(sql, params, (rs, n) -> row(rs));
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String key = camel(meta.getColumnLabel(i));
            Object value = switch (meta.getColumnType(i)) {
                case Types.TIMESTAMP -> {
                    LocalDateTime time = rs.getObject(i, LocalDateTime.class);
                    yield time == null ? null : time.toInstant(ZoneOffset.UTC).toString();
                }
                case Types.BIGINT, Types.INTEGER -> rs.getObject(i) == null ? null : rs.getLong(i);
                case Types.BOOLEAN, Types.BIT, Types.TINYINT -> rs.getObject(i) == null ? null : rs.getBoolean(i);
                default -> rs.getString(i);
            };
            row.put(key, value);
        }
        return row;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** A file name safe inside a ZIP on any system: no folders, no control or reserved characters. */
    private static String safeName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? "file" : clean;
    }
}
