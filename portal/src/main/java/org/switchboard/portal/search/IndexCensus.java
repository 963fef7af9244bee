package org.switchboard.portal.search;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.switchboard.portal.customer.Sql;

/**
 * Counts each indexed kind's rows in the database and its documents in the index, leaving the latest writes apart
 * (they are indexed again at every start). Exact only while nothing writes; {@link SearchIndexRecovery} takes it
 * before the ingest writers and the web server start.
 */
@Component
class IndexCensus {

    /** How far back from a kind's latest write its rows count as the latest writes. */
    static final int LATEST_SECONDS = 15;
    /** Ids asked of the index per query: Lucene refuses a boolean query of more than 1,024 clauses. */
    private static final int IDS_PER_QUERY = 1_000;
    /** A census that disagrees is taken again this often, so writes that land during it are not mistaken for loss. */
    private static final int ATTEMPTS = 3;
    private static final Duration PAUSE = Duration.ofMillis(300);

    private final EntityManagerFactory entities;
    private final JdbcTemplate jdbc;

    IndexCensus(EntityManagerFactory entities, JdbcTemplate jdbc) {
        this.entities = entities;
        this.jdbc = jdbc;
    }

    /** Each kind's rows and documents, taken again while they disagree (at most {@value #ATTEMPTS} times). */
    List<KindCensus> take() {
        List<KindCensus> all = new ArrayList<>();
        for (IndexedKind kind : IndexedKind.values()) {
            KindCensus census = of(kind);
            for (int attempt = 1; attempt < ATTEMPTS && !census.inStep(); attempt++) {
                pause();
                census = of(kind);
            }
            all.add(census);
        }
        return all;
    }

    private KindCensus of(IndexedKind kind) {
        long documents = documents(kind.type, null);
        // Rows and the latest write in one scan: the time columns have no index of their own.
        Table table = jdbc.queryForObject("select count(*), max(" + kind.timeColumn + ") from " + kind.table,
                (rs, n) -> new Table(rs.getLong(1), rs.getObject(2, LocalDateTime.class)));
        if (table.latest() == null) {
            return new KindCensus(kind, null, 0, 0, documents, 0);
        }
        Instant latest = table.latest().toInstant(ZoneOffset.UTC);
        LocalDateTime since = Sql.utc(latest.minusSeconds(LATEST_SECONDS));
        List<Long> recent = jdbc.queryForList("select id from " + kind.table + " where " + kind.timeColumn
                + " >= ?", Long.class, since);
        long recentDocuments = 0;
        for (int from = 0; from < recent.size(); from += IDS_PER_QUERY) {
            recentDocuments += documents(kind.type, recent.subList(from, Math.min(recent.size(),
                    from + IDS_PER_QUERY)));
        }
        return new KindCensus(kind, latest, table.rows(), recent.size(), documents, recentDocuments);
    }

    private record Table(long rows, LocalDateTime latest) {
    }

    /** Documents of the type in the index, of these ids only unless {@code null}. */
    private long documents(Class<?> type, List<Long> ids) {
        try (var session = entities.createEntityManager()) {
            return Search.session(session).search(type)
                    .where(f -> ids == null ? f.matchAll() : f.id().matchingAny(ids))
                    .fetchTotalHitCount();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
