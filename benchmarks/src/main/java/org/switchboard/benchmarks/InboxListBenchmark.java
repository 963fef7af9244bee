package org.switchboard.benchmarks;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxCursor;
import org.switchboard.portal.inbox.InboxPage;
import org.switchboard.portal.inbox.InboxQueries;
import org.switchboard.portal.inbox.InboxScope;
import org.switchboard.portal.inbox.InboxSort;
import org.switchboard.portal.inbox.SlaFilter;

/**
 * Inbox lists through {@link InboxQueries}: page 1 and page 500 (or the deepest page a list has) of every view and
 * sort and of five filter combinations, the view tab counts, and one whole refresh as the open inbox does it; each
 * beside the same SQL text on a plain JDBC connection, with a check that both return the same ids and that every
 * row fits the list's criteria and order.
 */
final class InboxListBenchmark {

    static final int PAGE = 50;
    static final int DEEP_PAGE = 500;
    /** Lists slower than the target at p95 get their plan printed. */
    static final double TARGET_P95_MS = 50;

    /** A list to measure. */
    record InboxList(String name, InboxCriteria criteria) {
    }

    /** What one list measured. */
    record ListResult(InboxList list, long rows, int deepPage, Histogram portalFirst, Histogram rawFirst,
            Histogram rawFirstRows, Histogram portalDeep, Histogram rawDeep, Histogram rawDeepRows) {
    }

    /** The tab counts and a whole refresh. */
    record Extras(Histogram portalCounts, Histogram rawCounts, Histogram portalRefresh, Histogram rawRefresh) {
    }

    private final DataSource db;
    private final InboxQueries queries;
    private final InboxRawSql sql;
    private final InboxDataSet data;
    private final AgentView viewer;
    private final int iterations;
    private final PrintStream out;
    final List<String> problems = new ArrayList<>();
    final List<ListResult> results = new ArrayList<>();
    Extras extras;

    InboxListBenchmark(PortalUnderTest portal, InboxDataSet data, AgentView viewer, int iterations, PrintStream out) {
        this.db = portal.dataSource();
        this.queries = portal.bean(InboxQueries.class);
        this.sql = InboxRawSql.of(queries);
        this.data = data;
        this.viewer = viewer;
        this.iterations = iterations;
        this.out = out;
    }

    static List<InboxList> lists(InboxDataSet data) {
        List<InboxList> lists = new ArrayList<>();
        for (InboxScope scope : InboxScope.values()) {
            for (InboxSort sort : InboxSort.values()) {
                lists.add(new InboxList(scope + " · " + sort, InboxCriteria.of(scope).withSort(sort)));
            }
        }
        lists.add(new InboxList("ALL · any status · LAST_ACTIVITY", InboxCriteria.ANYTHING));
        var active = InboxCriteria.ACTIVE;
        var latest = InboxSort.LAST_ACTIVITY;
        lists.add(new InboxList("web chat + label refund", new InboxCriteria(InboxScope.ALL, active,
                Set.of(data.accounts().getFirst()), null, null, Set.of("refund"), null, null, null, null, null,
                latest)));
        lists.add(new InboxList("urgent/high + SLA breached · SLA_DUE", new InboxCriteria(InboxScope.ALL, active,
                null, null, null, null, Set.of(Priority.URGENT, Priority.HIGH), null, null, SlaFilter.BREACHED, null,
                InboxSort.SLA_DUE)));
        lists.add(new InboxList("intent refund + sentiment negative", new InboxCriteria(InboxScope.ALL, active,
                null, null, null, null, null, Set.of("refund"), Set.of("negative"), null, null, latest)));
        lists.add(new InboxList("team + waiting >= 1 h · WAITING_LONGEST", new InboxCriteria(InboxScope.ALL, active,
                null, null, data.teams().getFirst(), null, null, null, null, null, Duration.ofHours(1),
                InboxSort.WAITING_LONGEST)));
        lists.add(new InboxList("MINE + labels vip/follow-up", new InboxCriteria(InboxScope.MINE, active, null,
                null, null, Set.of("vip", "follow-up"), null, null, null, null, null, latest)));
        return lists;
    }

    void run() throws SQLException {
        warmUp();
        for (InboxList list : lists(data)) {
            results.add(measure(list));
        }
        extras = measureCountsAndRefresh();
    }

    /**
     * Page 1 of every list and the tab counts, through the portal and raw, before anything is timed: on 2 cores the
     * JIT is still compiling the Spring/Hibernate read path for hundreds of calls, which would otherwise inflate the
     * first lists measured.
     */
    private void warmUp() throws SQLException {
        long started = System.nanoTime();
        for (int round = 0; round < 20; round++) {
            for (InboxList list : lists(data)) {
                queries.page(list.criteria(), viewer, null, PAGE);
                rawPageWithRows(sql.page(list.criteria(), viewer, null, PAGE).bound());
            }
            queries.countsPerScope(InboxCriteria.of(InboxScope.ALL), viewer);
        }
        out.printf(Locale.ROOT, "  warm-up: page 1 of every list and the tab counts, 20 times each (%.1f s)%n",
                (System.nanoTime() - started) / 1e9);
    }

    private ListResult measure(InboxList list) throws SQLException {
        InboxCriteria criteria = list.criteria();
        long rows;
        try (Connection c = db.getConnection()) {
            rows = InboxRawSql.single(c, sql.count(criteria, viewer).bound());
        }
        long portalCount = queries.count(criteria, viewer);
        if (portalCount != rows) {
            problems.add(list.name() + ": portal count " + portalCount + ", raw count " + rows);
        }
        int pages = (int) Math.max(1, (rows + PAGE - 1) / PAGE);
        int deep = Math.min(DEEP_PAGE, pages);

        // Page 1: the portal's rows against the same SQL's ids.
        InboxPage first = queries.page(criteria, viewer, null, PAGE);
        InboxRawSql.Bound firstSql = sql.page(criteria, viewer, null, PAGE).bound();
        List<InboxRawSql.Row> rawFirst = rawPage(firstSql);
        compare(list.name() + " page 1", first, rawFirst, rows);

        // The deep page: its cursor is the last row of the page before it, read once by OFFSET; the OFFSET window
        // after it is an independent check of the keyset condition.
        InboxCursor cursor = null;
        InboxRawSql.Bound deepSql = null;
        if (deep > 1) {
            long offset = (long) (deep - 1) * PAGE - 1;
            List<InboxRawSql.Row> window = InboxRawSql.rows(db, sql.window(criteria, viewer, offset, PAGE + 1));
            InboxRawSql.Row before = window.getFirst();
            cursor = new InboxCursor(before.key(), before.id());
            InboxPage deepPage = queries.page(criteria, viewer, cursor, PAGE);
            deepSql = sql.page(criteria, viewer, cursor, PAGE).bound();
            List<InboxRawSql.Row> rawDeep = rawPage(deepSql);
            compare(list.name() + " page " + deep, deepPage, rawDeep, rows - (long) (deep - 1) * PAGE);
            List<Long> byOffset = window.subList(1, window.size()).stream().map(InboxRawSql.Row::id).toList();
            List<Long> byKeyset = ids(deepPage.rows());
            if (!byOffset.equals(byKeyset)) {
                problems.add(list.name() + " page " + deep + ": keyset page differs from OFFSET " + (offset + 1)
                        + ": " + byKeyset + " vs " + byOffset);
            }
        }

        InboxCursor deepCursor = cursor;
        List<Histogram> firstTimes = InboxTimer.interleaved(iterations, List.of(
                () -> queries.page(criteria, viewer, null, PAGE), () -> rawPage(firstSql),
                () -> rawPageWithRows(firstSql)));
        Histogram portalFirst = firstTimes.get(0);
        Histogram rawFirstTime = firstTimes.get(1);
        Histogram rawFirstRows = firstTimes.get(2);
        Histogram portalDeep = null;
        Histogram rawDeepTime = null;
        Histogram rawDeepRows = null;
        if (deepSql != null) {
            InboxRawSql.Bound deepBound = deepSql;
            List<Histogram> deepTimes = InboxTimer.interleaved(iterations, List.of(
                    () -> queries.page(criteria, viewer, deepCursor, PAGE), () -> rawPage(deepBound),
                    () -> rawPageWithRows(deepBound)));
            portalDeep = deepTimes.get(0);
            rawDeepTime = deepTimes.get(1);
            rawDeepRows = deepTimes.get(2);
        }
        ListResult result = new ListResult(list, rows, deep, portalFirst, rawFirstTime, rawFirstRows, portalDeep,
                rawDeepTime, rawDeepRows);
        out.printf(Locale.ROOT, "  measured %-44s %,7d rows: page 1 p95 %6.2f ms (raw %5.2f)%s%n", list.name(), rows,
                InboxTimer.ms(portalFirst, 95), InboxTimer.ms(rawFirstTime, 95), portalDeep == null ? ""
                        : String.format(Locale.ROOT, ", page %d p95 %6.2f ms (raw %5.2f)", deep,
                                InboxTimer.ms(portalDeep, 95), InboxTimer.ms(rawDeepTime, 95)));
        return result;
    }

    /** The tab counts (four scopes, the default filters) and a whole refresh of the open inbox. */
    private Extras measureCountsAndRefresh() throws SQLException {
        InboxCriteria criteria = InboxCriteria.of(InboxScope.ALL);
        Map<InboxScope, InboxRawSql.Bound> countSql = new EnumMap<>(InboxScope.class);
        for (InboxScope scope : InboxScope.values()) {
            countSql.put(scope, sql.count(criteria.withScope(scope), viewer).bound());
        }
        Map<InboxScope, Long> portal = queries.countsPerScope(criteria, viewer);
        List<Long> rawValues = rawCounts(countSql.values());
        Map<InboxScope, Long> raw = new EnumMap<>(InboxScope.class);
        int i = 0;
        for (InboxScope scope : countSql.keySet()) {
            raw.put(scope, rawValues.get(i++));
        }
        if (!portal.equals(raw)) {
            problems.add("tab counts: portal " + portal + ", raw " + raw);
        }
        out.println("  tab counts (active): " + portal);
        List<Histogram> countTimes = InboxTimer.interleaved(iterations, List.of(
                () -> queries.countsPerScope(criteria, viewer), () -> rawCounts(countSql.values())));

        InboxRawSql.Bound pageSql = sql.page(criteria, viewer, null, PAGE).bound();
        InboxRawSql.Bound listCount = sql.count(criteria, viewer).bound();
        List<InboxRawSql.Bound> refreshCounts = new ArrayList<>(countSql.values());
        refreshCounts.add(listCount);
        List<Histogram> refreshTimes = InboxTimer.interleaved(iterations, List.of(() -> {
            queries.page(criteria, viewer, null, PAGE);
            queries.count(criteria, viewer);
            queries.countsPerScope(criteria, viewer);
        }, () -> {
            rawPageWithRows(pageSql);
            rawCounts(refreshCounts);
        }));
        return new Extras(countTimes.get(0), countTimes.get(1), refreshTimes.get(0), refreshTimes.get(1));
    }

    private List<InboxRawSql.Row> rawPage(InboxRawSql.Bound statement) throws SQLException {
        try (Connection c = db.getConnection()) {
            return InboxRawSql.rows(c, statement);
        }
    }

    /** The page's ids, then the same row data the portal shows (customer, assignee, team, labels) by plain SQL. */
    private int rawPageWithRows(InboxRawSql.Bound statement) throws SQLException {
        try (Connection c = db.getConnection()) {
            List<InboxRawSql.Row> rows = InboxRawSql.rows(c, statement);
            List<Long> ids = rows.subList(0, Math.min(PAGE, rows.size())).stream().map(InboxRawSql.Row::id).toList();
            if (ids.isEmpty()) {
                return 0;
            }
            StringJoiner in = new StringJoiner(", ", "(", ")");
            ids.forEach(id -> in.add("?"));
            int values = consume(c, "select c.id, c.customer_id, cu.display_name, c.subject, c.last_message_preview,"
                    + " c.status, c.unread_count, c.last_channel_account_id, c.last_activity_at, a.display_name,"
                    + " c.assignee_id, c.priority, c.team_id, t.name, c.intent, c.sentiment, c.waiting_since,"
                    + " c.sla_due_at, c.sla_breached, c.snoozed_until from conversation c"
                    + " join customer cu on cu.id = c.customer_id left join agent a on a.id = c.assignee_id"
                    + " left join team t on t.id = c.team_id where c.id in " + in, ids);
            return values + consume(c, "select conversation_id, label from conversation_label"
                    + " where conversation_id in " + in, ids);
        }
    }

    private static int consume(Connection c, String query, List<Long> ids) throws SQLException {
        int values = 0;
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                        values++;
                    }
                }
            }
        }
        return values;
    }

    private List<Long> rawCounts(Collection<InboxRawSql.Bound> counts) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            for (InboxRawSql.Bound count : counts) {
                values.add(InboxRawSql.single(c, count));
            }
        }
        return values;
    }

    /** Same ids as the raw SQL, the right number of rows, a next cursor exactly when more follow, rows that fit. */
    private void compare(String what, InboxPage page, List<InboxRawSql.Row> raw, long remaining) {
        List<Long> portalIds = ids(page.rows());
        List<Long> rawIds = raw.subList(0, Math.min(PAGE, raw.size())).stream().map(InboxRawSql.Row::id).toList();
        if (!portalIds.equals(rawIds)) {
            problems.add(what + ": portal ids " + portalIds + " differ from the raw SQL's " + rawIds);
        }
        long expected = Math.min(PAGE, remaining);
        if (portalIds.size() != expected) {
            problems.add(what + ": " + portalIds.size() + " rows, expected " + expected);
        }
        if ((page.next() != null) != (remaining > PAGE)) {
            problems.add(what + ": next cursor " + page.next() + " with " + remaining + " rows from this page on");
        }
        String criteriaName = what.substring(0, what.lastIndexOf(" page "));
        InboxCriteria criteria = lists(data).stream().filter(l -> l.name().equals(criteriaName)).findFirst()
                .orElseThrow().criteria();
        for (ConversationSummary row : page.rows()) {
            String misfit = misfit(row, criteria);
            if (misfit != null) {
                problems.add(what + ": conversation " + row.id() + " " + misfit);
            }
        }
        Comparator<ConversationSummary> order = order(criteria.sort());
        for (int i = 1; i < page.rows().size(); i++) {
            if (order.compare(page.rows().get(i - 1), page.rows().get(i)) >= 0) {
                problems.add(what + ": rows " + (i - 1) + " and " + i + " are out of order");
            }
        }
    }

    /** Why the row does not belong in the list, or {@code null} when it does. */
    private String misfit(ConversationSummary row, InboxCriteria criteria) {
        Set<Long> viewerTeams = data.teamsOfAgent().get(viewer.id());
        boolean inScope = switch (criteria.scope()) {
            case MINE -> row.assigneeId() != null && row.assigneeId() == viewer.id();
            case UNASSIGNED -> row.assigneeId() == null;
            case MY_TEAMS -> row.teamId() != null && viewerTeams.contains(row.teamId());
            case ALL -> true;
        };
        if (!inScope) {
            return "is not in scope " + criteria.scope() + " (assignee " + row.assigneeId() + ", team " + row.teamId()
                    + ")";
        }
        if (!criteria.statuses().isEmpty() && !criteria.statuses().contains(row.status())) {
            return "has status " + row.status();
        }
        if (!criteria.channelAccountIds().isEmpty() && !criteria.channelAccountIds().contains(row.channelAccountId())) {
            return "is on another channel";
        }
        if (!criteria.labels().isEmpty() && row.labels().stream().noneMatch(criteria.labels()::contains)) {
            return "has labels " + row.labels();
        }
        if (!criteria.priorities().isEmpty() && !criteria.priorities().contains(row.priority())) {
            return "has priority " + row.priority();
        }
        if (!criteria.intents().isEmpty() && !criteria.intents().contains(row.intent())) {
            return "has intent " + row.intent();
        }
        if (!criteria.sentiments().isEmpty() && !criteria.sentiments().contains(row.sentiment())) {
            return "has sentiment " + row.sentiment();
        }
        if (criteria.sla() == SlaFilter.BREACHED && !row.slaBreached()) {
            return "is not breached";
        }
        if (criteria.teamId() != null && !criteria.teamId().equals(row.teamId())) {
            return "is in team " + row.teamId();
        }
        // Waiting only grows longer, so a row that qualified when read still qualifies now.
        if (criteria.waitingAtLeast() != null && (row.waitingSince() == null
                || row.waitingSince().isAfter(Instant.now().minus(criteria.waitingAtLeast())))) {
            return "has not waited " + criteria.waitingAtLeast();
        }
        if (criteria.sort() == InboxSort.WAITING_LONGEST && row.waitingSince() == null) {
            return "is not waiting";
        }
        if (criteria.sort() == InboxSort.SLA_DUE && row.slaDueAt() == null) {
            return "has no SLA due time";
        }
        return null;
    }

    /** Strictly increasing along the list (sort key, then id, in the sort's direction). */
    private static Comparator<ConversationSummary> order(InboxSort sort) {
        return switch (sort) {
            case LAST_ACTIVITY -> Comparator.comparing(ConversationSummary::lastActivityAt)
                    .thenComparingLong(ConversationSummary::id).reversed();
            case WAITING_LONGEST -> Comparator.comparing(ConversationSummary::waitingSince,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(ConversationSummary::id);
            case SLA_DUE -> Comparator.comparing(ConversationSummary::slaDueAt,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(ConversationSummary::id);
        };
    }

    private static List<Long> ids(List<ConversationSummary> rows) {
        return rows.stream().map(ConversationSummary::id).toList();
    }

    /** The figures, the SQL of each list, and the plan of every list slower than the target. */
    void report() {
        out.println();
        out.printf(Locale.ROOT, "  %-44s %8s %8s | %26s | %17s | %9s | %6s%n",
                "list (viewer: one agent, 50 per page)", "rows", "page", "portal p50 / p95 / p99 ms", "raw SQL",
                "raw+rows", "ratio");
        out.printf(Locale.ROOT, "  %-44s %8s %8s | %26s | %17s | %9s | %6s%n", "", "", "", "", "p50 / p95 ms",
                "p95 ms", "p95");
        for (ListResult r : results) {
            line(r.list().name(), String.format(Locale.ROOT, "%,d", r.rows()), "1", r.portalFirst(), r.rawFirst(),
                    r.rawFirstRows());
            if (r.portalDeep() != null) {
                line("", "", (r.deepPage() == DEEP_PAGE ? "" : "last ") + r.deepPage(), r.portalDeep(), r.rawDeep(),
                        r.rawDeepRows());
            } else {
                out.printf(Locale.ROOT, "  %-44s %8s %8s | only one page%n", "", "", "");
            }
        }
        line("tab counts (4 scopes, active)", "", "", extras.portalCounts(), extras.rawCounts(), extras.rawCounts());
        line("whole refresh: page 1 + count + tab counts", "", "1", extras.portalRefresh(), extras.rawRefresh(),
                extras.rawRefresh());
        out.println("  (raw SQL: the portal's own page query text on a pooled JDBC connection; raw+rows: that plus the"
                + " row data in 2 plain queries;");
        out.println("   'last N': the list has fewer than 500 pages, its deepest page was measured instead)");

        out.println();
        out.println("  SQL of each list (InboxSql, as InboxQueries#page runs it; :afterKey/:afterId on deeper pages):");
        for (ListResult r : results) {
            out.println("    " + r.list().name() + ":");
            out.println("      " + sql.page(r.list().criteria(), viewer, new InboxCursor(Instant.EPOCH, 0), PAGE)
                    .named());
        }
        for (ListResult r : results) {
            explainIfSlow(r.list(), null, r.portalFirst(), "page 1");
            if (r.portalDeep() != null) {
                InboxRawSql.Row before = InboxRawSql.rows(db, sql.window(r.list().criteria(), viewer,
                        (long) (r.deepPage() - 1) * PAGE - 1, 1)).getFirst();
                explainIfSlow(r.list(), new InboxCursor(before.key(), before.id()), r.portalDeep(),
                        "page " + r.deepPage());
            }
        }
        if (InboxTimer.ms(extras.portalCounts(), 95) >= TARGET_P95_MS) {
            for (InboxScope scope : InboxScope.values()) {
                printExplain("tab count " + scope, sql.count(InboxCriteria.of(scope), viewer));
            }
        }
    }

    private void explainIfSlow(InboxList list, InboxCursor cursor, Histogram portal, String page) {
        if (InboxTimer.ms(portal, 95) >= TARGET_P95_MS) {
            printExplain(list.name() + ", " + page + String.format(Locale.ROOT, " (portal p95 %.1f ms)",
                    InboxTimer.ms(portal, 95)), sql.page(list.criteria(), viewer, cursor, PAGE));
        }
    }

    private void printExplain(String what, InboxRawSql.Statement statement) {
        out.println();
        out.println("  SLOW: " + what);
        out.println("    " + statement.printable());
        for (String line : InboxRawSql.explain(db, statement)) {
            out.println("    " + line);
        }
    }

    private void line(String name, String rows, String page, Histogram portal, Histogram raw, Histogram rawRows) {
        out.printf(Locale.ROOT, "  %-44s %8s %8s | %7.2f / %7.2f / %7.2f | %7.2f / %7.2f | %9.2f | %5.1fx%n", name,
                rows, page, InboxTimer.ms(portal, 50), InboxTimer.ms(portal, 95), InboxTimer.ms(portal, 99),
                InboxTimer.ms(raw, 50), InboxTimer.ms(raw, 95), InboxTimer.ms(rawRows, 95),
                InboxTimer.ms(portal, 95) / InboxTimer.ms(raw, 95));
    }

    /** How many of the measured pages are under the target at p95, as "n of m". */
    String pagesUnderTarget() {
        List<Histogram> pages = results.stream().flatMap(r -> java.util.stream.Stream.of(r.portalFirst(),
                r.portalDeep())).filter(java.util.Objects::nonNull).toList();
        long under = pages.stream().filter(h -> InboxTimer.ms(h, 95) < TARGET_P95_MS).count();
        return under + " of " + pages.size();
    }

    /** The slowest p95 among all lists and pages (the figure the 50 ms target applies to). */
    double worstPageP95() {
        return results.stream().flatMap(r -> java.util.stream.Stream.of(r.portalFirst(), r.portalDeep()))
                .filter(java.util.Objects::nonNull).mapToDouble(h -> InboxTimer.ms(h, 95)).max().orElse(0);
    }
}
