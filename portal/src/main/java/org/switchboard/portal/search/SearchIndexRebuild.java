package org.switchboard.portal.search;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
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

/**
 * The full-text index is derived from the database, so it can be rebuilt from it. At start, an index that is empty
 * while the database holds customers or knowledge-base articles (the index directory was deleted or lost, or the
 * database was restored on another machine) is rebuilt in the background: the portal starts at once, and search
 * finds everything again when the rebuild is done. To rebuild on purpose, stop the portal, delete the index
 * directory ({@code data/index} by default) and start it (README, production deployment).
 */
@Component
public class SearchIndexRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuild.class);

    private final EntityManagerFactory entities;
    private final JdbcTemplate jdbc;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("search-index-rebuild").factory());

    SearchIndexRebuild(EntityManagerFactory entities, JdbcTemplate jdbc) {
        this.entities = entities;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuildIfLost();
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
        return Optional.of(CompletableFuture.supplyAsync(this::rebuild, background).whenComplete((took, failed) -> {
            if (failed != null) {
                log.error("Rebuilding the search index failed; search stays incomplete until the next start", failed);
            } else {
                log.info("Search index rebuilt from the database in {} s", took.toSeconds());
            }
        }));
    }

    /* Every indexed entity, read in batches on one thread: the machine goes on serving while this runs. */
    private Duration rebuild() {
        long started = System.nanoTime();
        try {
            mapping().scope(Object.class).massIndexer().threadsToLoadObjects(1).batchSizeToLoadObjects(100)
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the search index", e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
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
