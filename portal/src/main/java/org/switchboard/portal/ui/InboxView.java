package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.inbox.BulkActions;
import org.switchboard.portal.inbox.InboxChoices;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxCursor;
import org.switchboard.portal.inbox.InboxPage;
import org.switchboard.portal.inbox.InboxQueries;
import org.switchboard.portal.inbox.InboxScope;
import org.switchboard.portal.inbox.InboxSearch;
import org.switchboard.portal.inbox.InboxSort;
import org.switchboard.portal.inbox.SavedViews;
import org.switchboard.portal.live.LiveUpdates;

/**
 * The unified inbox: conversations from every channel in one list with views (All, Mine, Unassigned, My teams,
 * saved views), filters and sorts, updated live with per-view counts. The search box finds conversations (any
 * status) by any word of their messages, subject or customer name, within the chosen filters, and shows the matched
 * words; a result opens the conversation at the matched message. Selected rows can be changed in bulk.
 */
@Route("")
@PageTitle("Inbox · Switchboard")
@RolesAllowed("AGENT")
public class InboxView extends VerticalLayout implements AfterNavigationObserver {

    static final int PAGE_SIZE = 50;
    private static final int SEARCH_LIMIT = 200;
    /** Live changes arriving close together refresh the list once. */
    private static final long REFRESH_COALESCE_MS = 300;
    private static final ScheduledExecutorService REFRESHES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("inbox-refresh").factory());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final InboxQueries inbox;
    private final InboxSearch search;
    private final LiveUpdates live;
    private final AgentView me;
    private final Clock clock;

    final Tab all = new Tab("All");
    final Tab mine = new Tab("Mine");
    final Tab unassigned = new Tab("Unassigned");
    final Tab myTeams = new Tab("My teams");
    final Tabs views = new Tabs(all, mine, unassigned, myTeams);
    final TextField searchField = new TextField();
    final Select<InboxSort> sort = new Select<>();
    final InboxFilterBar filters;
    final SavedViewsMenu savedViews;
    final InboxBulkBar bulk;
    final Grid<InboxRow> grid = new Grid<>();
    final Span count = new Span();
    final Button more = new Button("Load more");
    private final List<InboxRow> rows = new ArrayList<>();
    private InboxCursor next;
    private Runnable unsubscribe;
    private final AtomicBoolean refreshPending = new AtomicBoolean();

    InboxView(InboxQueries inbox, InboxSearch search, InboxChoices choices, SavedViews saved, BulkActions bulkActions,
            ChannelAccounts accounts, LiveUpdates live, CurrentAgent currentAgent, Clock clock) {
        this.inbox = inbox;
        this.search = search;
        this.live = live;
        this.me = currentAgent.get();
        this.clock = clock;
        setSizeFull();

        views.setId("inbox-views");
        views.addSelectedChangeListener(e -> reload());
        searchField.setId("inbox-search");
        searchField.setPlaceholder("Search messages, subjects and customers");
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setClearButtonVisible(true);
        searchField.setValueChangeMode(ValueChangeMode.LAZY);
        searchField.setWidth("24em");
        searchField.addValueChangeListener(e -> reload());
        sort.setId("inbox-sort");
        sort.setItems(InboxSort.values());
        sort.setValue(InboxSort.LAST_ACTIVITY);
        sort.setItemLabelGenerator(s -> switch (s) {
            case LAST_ACTIVITY -> "Latest activity";
            case WAITING_LONGEST -> "Waiting longest";
            case SLA_DUE -> "SLA due soonest";
        });
        sort.setAriaLabel("Sort");
        sort.addValueChangeListener(e -> reload());
        count.setId("inbox-count");

        filters = new InboxFilterBar(choices, accounts.list(), this::filtersChanged);
        filters.show(InboxCriteria.of(InboxScope.ALL));
        savedViews = new SavedViewsMenu(saved, me, this::criteria, this::showSaved);
        var filterDetails = new Details("Filters", filters);
        filterDetails.setId("inbox-filter-details");

        bulk = new InboxBulkBar(bulkActions, choices, me, this::selectedIds, this::reload);
        var toolbar = new HorizontalLayout(views, searchField, sort, savedViews, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);

        configureGrid();
        more.setId("inbox-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> loadMore());
        add(toolbar, filterDetails, bulk, grid, more);
        registerShortcuts();
    }

    private void registerShortcuts() {
        // "Next conversation" from the list: the first with unread messages, else the first.
        KeyboardShortcuts.on(this, com.vaadin.flow.component.Key.KEY_J, () -> rows.stream()
                .filter(r -> r.conversation().unreadCount() > 0).findFirst().or(() -> rows.stream().findFirst())
                .ifPresent(this::open));
        KeyboardShortcuts.on(this, com.vaadin.flow.component.Key.KEY_S, searchField::focus);
        KeyboardShortcuts.helpOn(this);
    }

    private void configureGrid() {
        grid.setId("inbox-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPartNameGenerator(r -> r.conversation().unreadCount() > 0 ? "unread" : null);
        grid.addColumn(r -> r.conversation().customerName()).setHeader("Customer").setAutoWidth(true);
        grid.addColumn(LitRenderer.<InboxRow>of("""
                        <div style="white-space: normal">${item.subject ? html`<b>${item.subject}</b> ` : ''}\
                        ${item.snippet ? html`<span .innerHTML=${item.snippet}></span>` : item.preview}</div>""")
                .withProperty("subject", r -> r.conversation().subject())
                .withProperty("preview", r -> r.conversation().preview() == null ? "" : r.conversation().preview())
                .withProperty("snippet", InboxRow::snippetHtml))
                .setHeader("Conversation").setFlexGrow(1);
        grid.addColumn(LitRenderer.<InboxRow>of("""
                        ${item.labels.map(l => html`<span theme="badge contrast pill small">${l}</span> `)}""")
                .withProperty("labels", r -> r.conversation().labels())).setHeader("Labels").setAutoWidth(true);
        grid.addColumn(r -> r.conversation().unreadCount() > 0 ? r.conversation().unreadCount() + " new" : "")
                .setHeader("Unread").setAutoWidth(true);
        grid.addColumn(r -> r.conversation().status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.conversation().priority().name().toLowerCase()).setHeader("Priority")
                .setAutoWidth(true);
        grid.addColumn(r -> orDash(r.conversation().assigneeName())).setHeader("Assignee").setAutoWidth(true);
        grid.addColumn(r -> orDash(r.conversation().teamName())).setHeader("Team").setAutoWidth(true);
        grid.addColumn(r -> slaText(r.conversation())).setHeader("SLA").setAutoWidth(true)
                .setPartNameGenerator(r -> r.conversation().slaBreached() ? "sla-breached" : null);
        grid.addColumn(r -> waitingText(r.conversation())).setHeader("Waiting").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.conversation().lastActivityAt())).setHeader("Last activity")
                .setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addSelectionListener(e -> bulk.selectionChanged(e.getAllSelectedItems().size()));
        grid.setSizeFull();
    }

    /** Opens the conversation; a search result at its matched message. */
    void open(InboxRow row) {
        if (row.messageId() == null) {
            UI.getCurrent().navigate(ConversationView.class, row.id());
        } else {
            String url = RouteConfiguration.forSessionScope().getUrl(ConversationView.class, row.id());
            UI.getCurrent().navigate(url, QueryParameters.simple(Map.of("message", row.messageId().toString())));
        }
    }

    /** Fresh data whenever the agent comes (back) to the inbox; live updates keep it fresh while it is open. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        reload();
    }

    /** The list as the toolbar and filters describe it. */
    InboxCriteria criteria() {
        return filters.criteria(scope(), sort.getValue());
    }

    private InboxScope scope() {
        return InboxScope.values()[Math.max(0, views.getSelectedIndex())];
    }

    /** The agent changed a filter: the list no longer is the saved view that was chosen. */
    private void filtersChanged() {
        savedViews.choose.clear();
        reload();
    }

    private void showSaved(InboxCriteria saved) {
        views.setSelectedIndex(saved.scope().ordinal());
        sort.setValue(saved.sort());
        filters.show(saved);
        reload();
    }

    void reload() {
        refresh(PAGE_SIZE);
    }

    /** Reads the list again, keeping as many rows as are shown (a live update must not shrink a long list). */
    private void refresh(int size) {
        rows.clear();
        next = null;
        String query = searchField.getValue();
        InboxCriteria criteria = criteria();
        if (query != null && !query.isBlank()) {
            search.search(query, criteria, me, SEARCH_LIMIT).forEach(hit ->
                    rows.add(new InboxRow(hit.conversation(), hit.messageId(), hit.snippetHtml())));
            count.setText(rows.size() + (rows.size() == SEARCH_LIMIT ? "+" : "") + " found");
            more.setVisible(false);
        } else {
            InboxPage page = inbox.page(criteria, me, null, Math.min(size, InboxQueries.MAX_PAGE));
            page.rows().forEach(c -> rows.add(InboxRow.of(c)));
            next = page.next();
            count.setText(inbox.count(criteria, me) + " in this view");
            more.setVisible(next != null);
        }
        Map<InboxScope, Long> counts = inbox.countsPerScope(criteria, me);
        all.setLabel("All " + counts.get(InboxScope.ALL));
        mine.setLabel("Mine " + counts.get(InboxScope.MINE));
        unassigned.setLabel("Unassigned " + counts.get(InboxScope.UNASSIGNED));
        myTeams.setLabel("My teams " + counts.get(InboxScope.MY_TEAMS));
        var selected = grid.getSelectedItems().stream().map(InboxRow::id).toList();
        grid.setItems(rows);
        KeyboardShortcuts.rememberInboxOrder(rows.stream().map(InboxRow::id).toList());
        rows.stream().filter(r -> selected.contains(r.id())).forEach(grid::select);
        bulk.selectionChanged(grid.getSelectedItems().size());
    }

    private void loadMore() {
        if (next == null) {
            return;
        }
        InboxPage page = inbox.page(criteria(), me, next, PAGE_SIZE);
        page.rows().forEach(c -> rows.add(InboxRow.of(c)));
        next = page.next();
        more.setVisible(next != null);
        grid.getDataProvider().refreshAll();
        KeyboardShortcuts.rememberInboxOrder(rows.stream().map(InboxRow::id).toList());
    }

    List<Long> selectedIds() {
        return grid.getSelectedItems().stream().map(InboxRow::id).toList();
    }

    private String slaText(ConversationSummary c) {
        if (c.slaBreached()) {
            return "breached";
        }
        return c.slaDueAt() == null ? "—" : "due in " + human(Duration.between(clock.instant(), c.slaDueAt()));
    }

    private String waitingText(ConversationSummary c) {
        return c.waitingSince() == null ? "—" : human(Duration.between(c.waitingSince(), clock.instant()));
    }

    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes < 60 * 48 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes / (60 * 24) + " d";
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = live.subscribe(change -> {
            if (refreshPending.compareAndSet(false, true)) {
                REFRESHES.schedule(() -> ui.access(() -> {
                    refreshPending.set(false);
                    refresh(Math.max(PAGE_SIZE, rows.size()));
                }), REFRESH_COALESCE_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
