package org.switchboard.portal.search;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** When the kind's latest row was written, unless its table is empty. */
    Optional<Instant> latestWrite(IndexedKind kind) {
        LocalDateTime latest = jdbc.queryForObject("select max(" + kind.timeColumn + ") from " + kind.table,
                LocalDateTime.class);
        return Optional.ofNullable(latest).map(at -> at.toInstant(ZoneOffset.UTC));
    }

    private KindCensus of(IndexedKind kind) {
        Optional<Instant> latest = latestWrite(kind);
        long documents = documents(kind.type, null);
        if (latest.isEmpty()) {
            return new KindCensus(kind, 0, 0, documents, 0);
        }
        LocalDateTime since = Sql.utc(latest.get().minusSeconds(LATEST_SECONDS));
        long rows = jdbc.queryForObject("select count(*) from " + kind.table, Long.class);
        List<Long> recent = jdbc.queryForList("select id from " + kind.table + " where " + kind.timeColumn
                + " >= ?", Long.class, since);
        long recentDocuments = 0;
        for (int from = 0; from < recent.size(); from += IDS_PER_QUERY) {
            recentDocuments += documents(kind.type, recent.subList(from, Math.min(recent.size(),
                    from + IDS_PER_QUERY)));
        }
        return new KindCensus(kind, rows, recent.size(), documents, recentDocuments);
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
