package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.conversation.InboxFilter;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.switchboard.portal.conversation.ConversationSearch;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.InboxPage;
import org.switchboard.portal.live.LiveUpdates;

/**
 * The unified inbox: every unresolved conversation from every channel, latest activity first, updated live. The
 * search box finds conversations (resolved ones too) by any word of any message or the customer's name.
 */
@Route("")
@PageTitle("Inbox · Switchboard")
@RolesAllowed("AGENT")
public class InboxView extends VerticalLayout implements AfterNavigationObserver {

    static final int PAGE_SIZE = 50;
    private static final Set<ConversationStatus> ACTIVE = EnumSet.of(ConversationStatus.OPEN,
            ConversationStatus.PENDING, ConversationStatus.SNOOZED);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final ConversationQueries queries;
    private final ConversationSearch search;
    private final LiveUpdates live;

    final TextField searchField = new TextField();
    final Tabs views = new Tabs(new Tab("All"), new Tab("Mine"), new Tab("Unassigned"));
    private final CurrentAgent currentAgent;
    final Grid<ConversationSummary> grid = new Grid<>();
    final Span count = new Span();
    final Button more = new Button("Load more");
    private final List<ConversationSummary> rows = new ArrayList<>();
    private InboxPage.Cursor next;
    private Runnable unsubscribe;

    InboxView(ConversationQueries queries, ConversationSearch search, LiveUpdates live, CurrentAgent currentAgent) {
        this.currentAgent = currentAgent;
        this.queries = queries;
        this.search = search;
        this.live = live;
        setSizeFull();

        searchField.setId("inbox-search");
        searchField.setPlaceholder("Search messages and customers");
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setClearButtonVisible(true);
        searchField.setValueChangeMode(ValueChangeMode.LAZY);
        searchField.setWidth("28em");
        searchField.addValueChangeListener(e -> reload());
        count.setId("inbox-count");
        views.setId("inbox-views");
        views.addSelectedChangeListener(e -> reload());
        var toolbar = new HorizontalLayout(views, searchField, count);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ConversationSummary::customerName).setHeader("Customer").setAutoWidth(true)
                .setPartNameGenerator(r -> r.unreadCount() > 0 ? "unread" : null);
        grid.addColumn(r -> r.preview() == null ? "" : r.preview()).setHeader("Last message").setFlexGrow(1);
        grid.addColumn(r -> r.unreadCount() > 0 ? r.unreadCount() + " new" : "").setHeader("Unread")
                .setAutoWidth(true);
        grid.addColumn(r -> r.status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.assigneeName() == null ? "—" : r.assigneeName()).setHeader("Assignee")
                .setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.lastActivityAt())).setHeader("Last activity").setAutoWidth(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ConversationView.class, e.getItem().id()));
        grid.setSizeFull();

        more.setId("inbox-more");
        more.addClickListener(e -> loadMore());
        add(toolbar, grid, more);
    }

    /** Fresh data whenever the agent comes (back) to the inbox; live updates keep it fresh while it is open. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        reload();
    }

    private void reload() {
        rows.clear();
        next = null;
        String query = searchField.getValue();
        if (query != null && !query.isBlank()) {
            rows.addAll(search.search(query, 200));
            count.setText(rows.size() + " found");
            more.setVisible(false);
        } else {
            InboxPage page = queries.inbox(filter(), me(), ACTIVE, null, PAGE_SIZE);
            rows.addAll(page.rows());
            next = page.next();
            count.setText(queries.count(filter(), me(), ACTIVE) + " open");
            more.setVisible(next != null);
        }
        grid.setItems(rows);
    }

    private void loadMore() {
        if (next == null) {
            return;
        }
        InboxPage page = queries.inbox(filter(), me(), ACTIVE, next, PAGE_SIZE);
        rows.addAll(page.rows());
        next = page.next();
        more.setVisible(next != null);
        grid.getDataProvider().refreshAll();
    }

    /** The chosen view: All, Mine or Unassigned. */
    private InboxFilter filter() {
        return InboxFilter.values()[Math.max(0, views.getSelectedIndex())];
    }

    private Long me() {
        return filter() == InboxFilter.MINE ? currentAgent.get().id() : null;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = live.subscribe(change -> ui.access(this::reload));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
