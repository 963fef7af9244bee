package org.switchboard.portal.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full-text index is derived from the database, so it can be rebuilt from it.
 *
 * <p>Before the ingest writers and the web server start (nothing writes yet), it counts each indexed table's rows
 * and their documents ({@link IndexCensus}). Then, in the background (the portal serves at once):
 * <ul>
 * <li>a kind of document whose count is off by more than its latest writes explain is rebuilt from the database:
 * the index directory was deleted or lost, restored from an older copy, or kept while the database was restored
 * from a backup (its documents would then name rows that are gone, or whose ids were given again). Search finds
 * everything again when the rebuild is done. To rebuild on purpose, stop the portal, delete the index directory
 * ({@code data/index} by default) and start it (README, production deployment);</li>
 * <li>the rows of each kind written in the {@value IndexCensus#LATEST_SECONDS} seconds before its latest write are
 * indexed again. Lucene commits to disk once a second (searchable at once, durable within the second), so a crash
 * can lose the index writes of rows the database has committed; a clean stop loses none.</li>
 * </ul>
 *
 * <p>Counting cannot see a document whose text is out of date, only missing or extra ones.
 */
@Component
public class SearchIndexRecovery implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRecovery.class);
    private final EntityManagerFactory entities;
    private final IndexCensus census;
    private final TransactionTemplate transactions;
    @PersistenceContext
    private EntityManager entityManager;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("search-index-rebuild").factory());
    private volatile List<KindCensus> atStart = List.of();
    private volatile boolean running;

    SearchIndexRecovery(EntityManagerFactory entities, IndexCensus census, TransactionTemplate transactions) {
        this.entities = entities;
        this.census = census;
        this.transactions = transactions;
    }

    /** Takes the census while nothing writes: before the ingest writers ({@code MAX_VALUE / 2}) and the web server. */
    @Override
    public void start() {
        try {
            long started = System.nanoTime();
            atStart = census.take();
            // Said every start: the count scans each indexed table, which an operator may want to see the cost of.
            log.info("Search index compared with the database in {} ms: {}", (System.nanoTime() - started) / 1_000_000,
                    atStart.stream().map(c -> c.kind().table + " " + c.rows() + " rows / " + c.documents()
                            + " documents").toList());
        } catch (RuntimeException e) {
            // Then the latest writes are not indexed again either: what failed here (the database or the index) would
            // fail that too.
            log.warn("Could not compare the search index with the database: {}", e.toString());
            atStart = List.of();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 4;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuildOutOfStep(atStart);
        reindexLatest(atStart);
    }

    /**
     * Starts rebuilding, in the background, each kind whose census is out of step.
     *
     * @return the rebuild, when one was started
     */
    Optional<CompletableFuture<Duration>> rebuildOutOfStep(List<KindCensus> counts) {
        List<KindCensus> off = counts.stream().filter(c -> !c.inStep()).toList();
        if (off.isEmpty()) {
            return Optional.empty();
        }
        for (KindCensus c : off) {
            log.warn("The search index is out of step with the database for {}: {} documents against {} rows,"
                    + " not counting the latest writes (index directory deleted, lost, or restored apart from the"
                    + " database?); rebuilding them from the database in the background; search is incomplete"
                    + " until it is done", c.kind().table, c.documents() - c.recentDocuments(),
                    c.rows() - c.recentRows());
        }
        List<Class<?>> types = off.stream().<Class<?>>map(c -> c.kind().type).toList();
        // The mass indexer empties these kinds' documents first, then adds every row, read in batches on one thread.
        return Optional.of(inBackground("Rebuilding the search index of " + off.stream()
                .map(c -> c.kind().table).toList(), () -> {
                    try {
                        mapping().scope(types).massIndexer().threadsToLoadObjects(1)
                                .batchSizeToLoadObjects(100).startAndWait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }));
    }

    /**
     * Indexes again, in the background, each kind's rows written in the {@value IndexCensus#LATEST_SECONDS} seconds
     * before its latest write (as {@code counts} found it; rows written since are newer, so they are included).
     *
     * @return the re-indexing, unless every table was empty
     */
    Optional<CompletableFuture<Duration>> reindexLatest(List<KindCensus> counts) {
        Map<IndexedKind, Instant> since = new EnumMap<>(IndexedKind.class);
        counts.stream().filter(c -> c.recentSince() != null).forEach(c -> since.put(c.kind(), c.recentSince()));
        if (since.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(inBackground("Indexing the latest writes again",
                () -> since.forEach((kind, from) -> addOrUpdate(kind.type, kind.timeField, from))));
    }

    /*
     * Through the indexing plan, which replaces a document that is there (the mass indexer only adds, so it would
     * duplicate them), in batches of 100 by id, a transaction each.
     */
    private void addOrUpdate(Class<?> type, String timeField, Instant since) {
        String query = "select e from " + type.getSimpleName() + " e where e." + timeField
                + " >= :since and e.id > :after order by e.id";
        long after = 0;
        while (true) {
            long from = after;
            List<?> batch = transactions.execute(status -> {
                List<?> found = entityManager.createQuery(query, type).setParameter("since", since)
                        .setParameter("after", from).setMaxResults(100).getResultList();
                found.forEach(entity -> Search.session(entityManager).indexingPlan().addOrUpdate(entity));
                return found;
            });
            if (batch == null || batch.size() < 100) {
                return;
            }
            after = (Long) entities.getPersistenceUnitUtil().getIdentifier(batch.getLast());
        }
    }

    /* On the thread of its own, so the portal goes on serving meanwhile; says how it went and how long it took. */
    private CompletableFuture<Duration> inBackground(String what, Runnable work) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            work.run();
            return Duration.ofNanos(System.nanoTime() - started);
        }, background).whenComplete((took, failed) -> {
            if (failed != null) {
                log.error("{} failed; search may miss some messages until the next start", what, failed);
            } else {
                log.info("{}: done in {} ms", what, took.toMillis());
            }
        });
    }

    private SearchMapping mapping() {
        return Search.mapping(entities);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
