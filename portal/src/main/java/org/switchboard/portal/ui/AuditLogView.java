package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.switchboard.portal.audit.AuditEntry;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.audit.AuditQuery;

/**
 * The audit log (admins only): who did what when, newest first, filtered by actor, action and days; loaded page by
 * page as the grid scrolls; the filtered entries export as CSV.
 */
@Route("admin/audit")
@PageTitle("Audit log · Switchboard")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final TextField actor = new TextField("Actor");
    final ComboBox<String> action = new ComboBox<>("Action");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To (inclusive)");
    final Grid<AuditEntry> entries = new Grid<>(PAGE_SIZE);
    final Span total = new Span();
    final Anchor export;

    private final AuditLog audit;
    private final ZoneId zone;
    private volatile AuditQuery shown = AuditQuery.ALL;

    AuditLogView(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.zone = ZoneId.systemDefault();
        setSizeFull();
        actor.setId("audit-actor");
        actor.setPlaceholder("email or part of it");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        action.setWidth("18em");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setMax(LocalDate.now(clock.withZone(zone)));
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        export = new Anchor(csv(), "Export CSV");
        export.setId("audit-export");
        Button clear = new Button("Clear filters", e -> {
            actor.clear();
            action.clear();
            from.clear();
            to.clear();
        });

        entries.setId("audit-entries");
        entries.addColumn(e -> WHEN.format(e.getOccurredAt().atZone(zone))).setHeader("When").setAutoWidth(true);
        entries.addColumn(AuditEntry::getActor).setHeader("Who").setAutoWidth(true);
        entries.addColumn(AuditEntry::getAction).setHeader("Action").setAutoWidth(true);
        entries.addColumn(AuditEntry::getTarget).setHeader("Target").setAutoWidth(true);
        entries.addColumn(AuditEntry::getDetail).setHeader("Details").setFlexGrow(1);
        entries.setSizeFull();
        total.setId("audit-total");

        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, clear);
        filters.setAlignItems(Alignment.BASELINE);
        HorizontalLayout summary = new HorizontalLayout(total, export);
        add(new H3("Audit log"), filters, summary, entries);
        refresh();
    }

    AuditQuery query() {
        return new AuditQuery(actor.getValue(), action.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void refresh() {
        AuditQuery query = query();
        shown = query;
        long count = audit.count(query);
        total.setText(count == 1 ? "1 entry" : count + " entries");
        entries.setItems(page -> audit.search(query, page.getOffset(), page.getLimit()).stream(),
                page -> (int) Math.min(Integer.MAX_VALUE, audit.count(query)));
    }

    /* What is exported is what the admin sees: the filters of the last refresh. */
    private DownloadHandler csv() {
        return event -> {
            AuditQuery query = shown;
            event.setFileName("audit-log.csv");
            event.setContentType("text/csv;charset=UTF-8");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            audit.exportCsv(query, out);
        };
    }
}
