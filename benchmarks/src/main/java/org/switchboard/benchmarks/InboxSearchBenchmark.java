package org.switchboard.benchmarks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.backend.lucene.lowlevel.common.impl.MetadataFields;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.Conversation;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.customer.Customer;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxQueries;
import org.switchboard.portal.inbox.InboxScope;
import org.switchboard.portal.inbox.InboxSearch;
import org.switchboard.portal.inbox.SearchHit;

/**
 * The inbox search through {@link InboxSearch} (as the inbox calls it: the default view's filters, 200 results)
 * beside the same three queries straight on the Lucene indexes (an {@link IndexReader} from Hibernate Search's
 * Lucene extension, Lucene's own {@link SimpleQueryParser} with the index's analyzer, top 500 hits, stored ids read),
 * after a mass indexing of the seeded data, with a check that both find the same hits.
 */
final class InboxSearchBenchmark {

    /** As in InboxSearch: hits per index, and the inbox's result limit. */
    static final int HITS = 500;
    static final int LIMIT = 200;

    /** What one search measured. */
    record SearchResult(String what, String text, long messageHits, int results, Histogram portal, Histogram raw,
            Histogram rawWithSql) {
    }

    private final DataSource db;
    private final EntityManagerFactory emf;
    private final SearchMapping mapping;
    private final InboxSearch search;
    private final InboxRawSql sql;
    private final AgentView viewer;
    private final InboxSettings settings;
    private final PrintStream out;
    final List<String> problems = new ArrayList<>();
    final List<SearchResult> results = new ArrayList<>();
    long indexingMillis;
    long indexedMessages;
    String indexedWhat;

    InboxSearchBenchmark(PortalUnderTest portal, AgentView viewer, InboxSettings settings, PrintStream out) {
        this.db = portal.dataSource();
        this.emf = portal.bean(EntityManagerFactory.class);
        this.mapping = Search.mapping(emf);
        this.search = portal.bean(InboxSearch.class);
        this.sql = InboxRawSql.of(portal.bean(InboxQueries.class));
        this.viewer = viewer;
        this.settings = settings;
        this.out = out;
    }

    /** Hibernate Search's mass indexer over everything seeded (or the first N messages, see the settings). */
    void index(long messagesInDatabase) throws InterruptedException {
        long started = System.nanoTime();
        if (settings.indexMessages() <= 0) {
            mapping.scope(Object.class).massIndexer().threadsToLoadObjects(2).batchSizeToLoadObjects(250)
                    .startAndWait();
            indexedWhat = "all messages, conversations and customers";
        } else {
            mapping.scope(Object.class).massIndexer(Set.of(Conversation.class, Customer.class))
                    .threadsToLoadObjects(2).batchSizeToLoadObjects(250).startAndWait();
            var messages = mapping.scope(Message.class).massIndexer().threadsToLoadObjects(2)
                    .batchSizeToLoadObjects(250);
            messages.type(Message.class).reindexOnly("e.id <= :last")
                    .param("last", InboxSeed.ID_BASE + settings.indexMessages());
            messages.startAndWait();
            indexedWhat = String.format(Locale.ROOT, "the first %,d of %,d messages (-DindexMessages), all"
                    + " conversations and customers", settings.indexMessages(), messagesInDatabase);
        }
        indexingMillis = (System.nanoTime() - started) / 1_000_000;
        try (EntityManager em = emf.createEntityManager()) {
            indexedMessages = Search.session(em).search(Message.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
        long expected = settings.indexMessages() <= 0 ? messagesInDatabase
                : Math.min(settings.indexMessages(), messagesInDatabase);
        if (indexedMessages != expected) {
            problems.add("index holds " + indexedMessages + " messages, expected " + expected);
        }
        out.printf(Locale.ROOT, "  mass indexing (%s): %.1f s, %,d messages in the index%n", indexedWhat,
                indexingMillis / 1e3, indexedMessages);
    }

    void run() throws Exception {
        String name = InboxSeed.LAST_NAMES[11];
        measure("rare word", InboxSeed.RARE_WORD);
        measure("common word", "order");
        measure("two words", "wrong address");
        measure("customer surname", name);
    }

    private void measure(String what, String text) throws Exception {
        InboxCriteria criteria = InboxCriteria.of(InboxScope.ALL);
        RawSearch raw = rawSearch(text, true);
        checkAgainstHibernateSearch(text, raw);
        List<Long> expected = rawFiltered(raw, criteria, null).stream().limit(LIMIT).toList();
        List<SearchHit> hits = search.search(text, criteria, viewer, LIMIT);
        List<Long> actual = hits.stream().map(h -> h.conversation().id()).toList();
        if (!actual.equals(expected)) {
            problems.add("search '" + text + "': portal found " + actual.size() + " conversations " + head(actual)
                    + ", raw Lucene + SQL " + expected.size() + " " + head(expected));
        }
        for (SearchHit hit : hits) {
            Long best = raw.bestMessage().get(hit.conversation().id());
            if (best != null && !best.equals(hit.messageId())) {
                problems.add("search '" + text + "': conversation " + hit.conversation().id() + " opens at message "
                        + hit.messageId() + ", the best raw hit is " + best);
                break;
            }
        }
        int n = settings.searchIterations();
        Steps steps = new Steps();
        List<Histogram> times = InboxTimer.interleaved(n, List.of(
                () -> search.search(text, criteria, viewer, LIMIT),
                () -> rawSearch(text),
                () -> rawWithSql(text, criteria, steps)), steps::reset);
        Histogram portal = times.get(0);
        Histogram rawTime = times.get(1);
        Histogram rawWithSql = times.get(2);
        results.add(new SearchResult(what, text, raw.totalMessageHits(), actual.size(), portal, rawTime, rawWithSql));
        out.printf(Locale.ROOT, "  measured search %-18s '%s': %,d matching messages, %d results, p95 %.2f ms"
                + " (raw Lucene %.2f ms)%n", what, text, raw.totalMessageHits(), actual.size(),
                InboxTimer.ms(portal, 95), InboxTimer.ms(rawTime, 95));
        out.printf(Locale.ROOT, "    raw steps p95: Lucene %.2f ms, customers' conversations SQL %.2f ms, filter SQL"
                + " %.2f ms, rows %.2f ms%n", InboxTimer.ms(steps.lucene, 95), InboxTimer.ms(steps.customers, 95),
                InboxTimer.ms(steps.filter, 95), InboxTimer.ms(steps.rows, 95));
        if (InboxTimer.ms(portal, 95) >= InboxListBenchmark.TARGET_P95_MS) {
            explainSteps(text, raw, criteria, steps);
        }
    }

    /** Per-step times of the raw path: where the portal's time goes at best. */
    private static final class Steps {
        final Histogram lucene = new Histogram(600_000_000_000L, 3);
        final Histogram customers = new Histogram(600_000_000_000L, 3);
        final Histogram filter = new Histogram(600_000_000_000L, 3);
        final Histogram rows = new Histogram(600_000_000_000L, 3);

        void reset() {
            List.of(lucene, customers, filter, rows).forEach(Histogram::reset);
        }
    }

    /** The raw path in full: Lucene, then the SQL the portal runs after it, by plain JDBC. */
    private void rawWithSql(String text, InboxCriteria criteria, Steps steps) throws Exception {
        long started = System.nanoTime();
        RawSearch raw = rawSearch(text);
        long searched = System.nanoTime();
        List<Long> shown = rawFiltered(raw, criteria, steps).stream().limit(LIMIT).toList();
        long filtered = System.nanoTime();
        rawRows(shown);
        steps.lucene.recordValue(searched - started);
        steps.rows.recordValue(System.nanoTime() - filtered);
    }

    /** The plans of the SQL after the search, when the search is slower than the page target. */
    private void explainSteps(String text, RawSearch raw, InboxCriteria criteria, Steps steps) throws SQLException {
        if (!raw.customerHits().isEmpty()) {
            out.printf(Locale.ROOT, "  SLOW: search '%s': the matched customers' conversations (ConversationRepository"
                    + "#findIdsByCustomerIds, %d customer ids), raw p95 %.2f ms%n", text, raw.customerHits().size(),
                    InboxTimer.ms(steps.customers, 95));
            out.println("    " + customersSql(raw.customerHits().size()).replaceAll("(\\?, ){3,}\\?", "?, … ?"));
            List<Long> values = new ArrayList<>(raw.customerHits());
            values.addAll(raw.customerHits());
            InboxRawSql.explain(db, customersSql(raw.customerHits().size()), values)
                    .forEach(line -> out.println("    " + line));
        }
        List<Long> candidates = rawCandidates(raw);
        if (!candidates.isEmpty()) {
            out.printf(Locale.ROOT, "  search '%s': the view's filter over %d candidates (InboxQueries#filter), raw p95"
                    + " %.2f ms%n", text, candidates.size(), InboxTimer.ms(steps.filter, 95));
            InboxRawSql.explain(db, sql.idsAmong(criteria, viewer, candidates)).forEach(line -> out.println("    "
                    + line));
        }
    }

    /**
     * What the three raw queries found.
     *
     * @param messageIds       the message hits, best first
     * @param bestMessage      each conversation's best message, in the order the conversations were first hit
     * @param subjectHits      conversations whose subject matched, best first
     * @param customerHits     customers whose name matched, best first
     * @param totalMessageHits how many messages matched in all
     */
    record RawSearch(List<Long> messageIds, Map<Long, Long> bestMessage, List<Long> subjectHits,
            List<Long> customerHits, long totalMessageHits) {
    }

    /** The three queries on the Lucene indexes, as low as Hibernate Search lets one reach. */
    private RawSearch rawSearch(String text) throws Exception {
        return rawSearch(text, false);
    }

    /** @param countAll also count every matching message (for the report; not part of the timed search) */
    private RawSearch rawSearch(String text, boolean countAll) throws Exception {
        List<Long> messageIds = new ArrayList<>();
        Map<Long, Long> bestMessage = new LinkedHashMap<>();
        long total;
        try (IndexReader reader = reader(Message.class)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(parser(Message.class, "text").parse(text), HITS);
            total = countAll ? searcher.count(parser(Message.class, "text").parse(text)) : top.totalHits.value;
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                Document document = stored.document(hit.doc, Set.of("conversationId"));
                long id = id(reader, hit.doc);
                messageIds.add(id);
                bestMessage.putIfAbsent(number(document.getField("conversationId")), id);
            }
        }
        return new RawSearch(messageIds, bestMessage, ids(Conversation.class, "subject", text),
                ids(Customer.class, "displayName", text), total);
    }

    private List<Long> ids(Class<?> entity, String field, String text) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (IndexReader reader = reader(entity)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ScoreDoc hit : searcher.search(parser(entity, field).parse(text), HITS).scoreDocs) {
                ids.add(id(reader, hit.doc));
            }
        }
        return ids;
    }

    /** The entity id Hibernate Search keeps in binary doc values (its own id projection reads the same). */
    private static long id(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues ids = leaf.reader().getBinaryDocValues(MetadataFields.idDocValueFieldName());
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("no id in the index for document " + doc);
        }
        return Long.parseLong(ids.binaryValue().utf8ToString());
    }

    private IndexReader reader(Class<?> entity) {
        return mapping.scope(entity).extension(LuceneExtension.get()).openIndexReader();
    }

    /** Lucene's simple query parser over one field with the index's search analyzer, every word required. */
    private SimpleQueryParser parser(Class<?> entity, String field) {
        Analyzer analyzer = mapping.indexedEntity(entity).indexManager().unwrap(LuceneIndexManager.class)
                .searchAnalyzer();
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, field);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser;
    }

    private static long number(IndexableField field) {
        return field.numericValue() != null ? field.numericValue().longValue() : Long.parseLong(field.stringValue());
    }

    /** The raw message hits must be the hits Hibernate Search's own query returns, in the same order. */
    private void checkAgainstHibernateSearch(String text, RawSearch raw) {
        try (EntityManager em = emf.createEntityManager()) {
            List<Long> viaHibernateSearch = Search.session(em).search(Message.class).select(f -> f.id(Long.class))
                    .where(f -> f.simpleQueryString().field("text").matching(text)
                            .defaultOperator(BooleanOperator.AND))
                    .fetchHits(HITS);
            if (!viaHibernateSearch.equals(raw.messageIds())) {
                problems.add("search '" + text + "': raw Lucene message hits " + head(raw.messageIds())
                        + " differ from Hibernate Search's " + head(viaHibernateSearch));
            }
        }
    }

    /**
     * The conversations InboxSearch would list, worked out from the raw hits with plain SQL: message hits'
     * conversations, then subject hits, then the matched customers' conversations, through the view's filters.
     */
    private List<Long> rawFiltered(RawSearch raw, InboxCriteria criteria, Steps steps) throws SQLException {
        try (Connection c = db.getConnection()) {
            long started = System.nanoTime();
            List<Long> ordered = rawCandidates(c, raw);
            long found = System.nanoTime();
            if (ordered.isEmpty()) {
                return List.of();
            }
            Set<Long> allowed = new java.util.HashSet<>(InboxRawSql.ids(c, sql.idsAmong(criteria, viewer, ordered)));
            if (steps != null) {
                steps.customers.recordValue(found - started);
                steps.filter.recordValue(System.nanoTime() - found);
            }
            return ordered.stream().filter(allowed::contains).toList();
        }
    }

    private List<Long> rawCandidates(RawSearch raw) throws SQLException {
        try (Connection c = db.getConnection()) {
            return rawCandidates(c, raw);
        }
    }

    /** Message hits' conversations, then subject hits, then the matched customers' conversations, in that order. */
    private static List<Long> rawCandidates(Connection c, RawSearch raw) throws SQLException {
        LinkedHashSet<Long> ids = new LinkedHashSet<>(raw.bestMessage().keySet());
        ids.addAll(raw.subjectHits());
        if (!raw.customerHits().isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(customersSql(raw.customerHits().size()))) {
                int i = 0;
                for (int round = 0; round < 2; round++) {
                    for (long id : raw.customerHits()) {
                        s.setLong(++i, id);
                    }
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** The SQL Hibernate generates for ConversationRepository#findIdsByCustomerIds (customer ids bound twice). */
    private static String customersSql(int customers) {
        StringJoiner in = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < customers; i++) {
            in.add("?");
        }
        return "select c.id from conversation c where c.customer_id in " + in
                + " or c.customer_id in (select m.merged_into_id from customer m where m.id in " + in + ")";
    }

    /** The row data of the results, as the list pages read it. */
    private int rawRows(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        int values = 0;
        StringJoiner in = new StringJoiner(", ", "(", ")");
        ids.forEach(id -> in.add("?"));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select c.id, c.customer_id,"
                + " cu.display_name, c.subject, c.last_message_preview, c.status, c.unread_count,"
                + " c.last_channel_account_id, c.last_activity_at, a.display_name, c.assignee_id, c.priority,"
                + " c.team_id, t.name, c.intent, c.sentiment, c.waiting_since, c.sla_due_at, c.sla_breached,"
                + " c.snoozed_until, (select group_concat(l.label) from conversation_label l"
                + " where l.conversation_id = c.id) from conversation c join customer cu on cu.id = c.customer_id"
                + " left join agent a on a.id = c.assignee_id left join team t on t.id = c.team_id where c.id in "
                + in)) {
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

    private static String head(List<Long> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + "…";
    }

    void report() {
        out.println();
        out.printf(Locale.ROOT, "  %-18s %-16s %10s %7s | %26s | %10s | %10s | %6s%n", "search (default view)",
                "words", "messages", "results", "portal p50 / p95 / p99 ms", "raw Lucene", "raw + SQL", "ratio");
        out.printf(Locale.ROOT, "  %-18s %-16s %10s %7s | %26s | %10s | %10s | %6s%n", "", "", "matching", "", "",
                "p95 ms", "p95 ms", "p95");
        for (SearchResult r : results) {
            out.printf(Locale.ROOT, "  %-18s %-16s %,10d %7d | %7.2f / %7.2f / %7.2f | %10.2f | %10.2f | %5.1fx%n",
                    r.what(), "'" + r.text() + "'", r.messageHits(), r.results(), InboxTimer.ms(r.portal(), 50),
                    InboxTimer.ms(r.portal(), 95), InboxTimer.ms(r.portal(), 99), InboxTimer.ms(r.raw(), 95),
                    InboxTimer.ms(r.rawWithSql(), 95), InboxTimer.ms(r.portal(), 95) / InboxTimer.ms(r.raw(), 95));
        }
        out.println("  (portal: InboxSearch.search(words, active conversations, agent, 200) = 3 Hibernate Search"
                + " queries of 500 hits with highlighting,");
        out.println("   the view's filters in SQL, the rows; raw Lucene: the same 3 queries on an IndexReader, top 500,"
                + " ids read, no highlighting;");
        out.println("   raw + SQL: that plus the customers' conversations, the same filter SQL and the rows by plain"
                + " JDBC)");
    }

    double worstP95() {
        return results.stream().mapToDouble(r -> InboxTimer.ms(r.portal(), 95)).max().orElse(0);
    }
}
