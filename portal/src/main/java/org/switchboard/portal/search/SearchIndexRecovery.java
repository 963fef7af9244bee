package org.switchboard.portal.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.customer.Customer;

/**
 * The full-text index is derived from the database, so it can be rebuilt from it. At start, in the background (the
 * portal serves at once):
 * <ul>
 * <li>an index that is empty while the database holds customers or knowledge-base articles (the index directory was
 * deleted or lost, or the database was restored on another machine) is rebuilt; search finds everything again when
 * the rebuild is done. To rebuild on purpose, stop the portal, delete the index directory ({@code data/index} by
 * default) and start it (README, production deployment);</li>
 * <li>otherwise the messages and customers written in the {@value #LATEST_SECONDS} seconds before the latest message
 * are indexed again. Lucene commits to disk once a second (searchable at once, durable within the second), so a
 * crash can lose the index writes of messages the database has committed; a clean stop loses none.</li>
 * </ul>
 */
@Component
public class SearchIndexRecovery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRecovery.class);
    static final int LATEST_SECONDS = 15;

    private final EntityManagerFactory entities;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    @PersistenceContext
    private EntityManager entityManager;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("search-index-rebuild").factory());

    SearchIndexRecovery(EntityManagerFactory entities, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (rebuildIfLost().isEmpty()) {
            reindexLatest();
        }
    }

    /**
     * Indexes again, in the background, the messages created and the customers changed in the
     * {@value #LATEST_SECONDS} seconds before the latest message.
     *
     * @return the re-indexing, unless there are no messages
     */
    Optional<CompletableFuture<Duration>> reindexLatest() {
        LocalDateTime latest;
        try {
            latest = jdbc.queryForObject("select max(created_at) from message", LocalDateTime.class);
        } catch (RuntimeException e) {
            log.warn("Could not look up the latest messages to index them again: {}", e.toString());
            return Optional.empty();
        }
        if (latest == null) {
            return Optional.empty();
        }
        Instant since = latest.toInstant(ZoneOffset.UTC).minusSeconds(LATEST_SECONDS);
        return Optional.of(inBackground("Indexing the latest messages again", () -> {
            addOrUpdate(Message.class, "createdAt", since);
            addOrUpdate(Customer.class, "updatedAt", since);
        }));
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

    /**
     * Starts a rebuild in the background if the index is empty and the database is not.
     *
     * @return the rebuild, when one was started
     */
    Optional<CompletableFuture<Duration>> rebuildIfLost() {
        try {
            if (!indexIsEmpty() || !databaseHasIndexedData()) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check whether the search index needs a rebuild: {}", e.toString());
            return Optional.empty();
        }
        log.warn("The search index is empty but the database is not (was the index directory deleted or lost?):"
                + " rebuilding it from the database in the background; search is incomplete until it is done");
        // Every indexed entity, read in batches on one thread.
        return Optional.of(inBackground("Rebuilding the search index", () -> {
            try {
                mapping().scope(Object.class).massIndexer().threadsToLoadObjects(1).batchSizeToLoadObjects(100)
                        .startAndWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }));
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

    private boolean indexIsEmpty() {
        try (var session = entities.createEntityManager()) {
            return Search.session(session).search(mapping().scope(Object.class)).where(f -> f.matchAll())
                    .fetchTotalHitCount() == 0;
        }
    }

    private boolean databaseHasIndexedData() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from customer)"
                + " or exists(select 1 from knowledge_article)", Boolean.class));
    }

    private SearchMapping mapping() {
        return Search.mapping(entities);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
