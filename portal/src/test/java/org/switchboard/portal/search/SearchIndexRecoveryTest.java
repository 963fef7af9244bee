package org.switchboard.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.customer.Customer;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * An index out of step with the database (emptied, missing an older document, or naming a row that is gone; made
 * here with Hibernate Search's purge and plain SQL) is rebuilt for the kinds that are off; one in step is left be.
 * The latest messages, whose index writes a crash can lose (one removed from the index here), are indexed again, once.
 */
@PortalTest
class SearchIndexRecoveryTest extends PortalTest.Base {

    @Autowired
    SearchIndexRecovery rebuild;
    @Autowired
    IndexCensus census;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    EntityManagerFactory entities;
    @PersistenceContext
    EntityManager entityManager;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_emptied_index_is_rebuilt_from_the_database_and_one_in_step_is_not() throws Exception {
        bringInStep();
        String word = Inbound.uniqueWord();
        olderMessage("My kettle " + word + " is broken");
        assertThat(messagesMatching(word)).isEqualTo(1);
        assertThat(rebuild.rebuildOutOfStep(census.take())).as("nothing lost, nothing to do").isEmpty();

        // What a deleted index directory looks like to the portal: no documents at all.
        var everything = Search.mapping(entities).scope(Object.class).workspace();
        everything.purge();
        everything.refresh();
        assertThat(messagesMatching(word)).isZero();

        Duration took = rebuild.rebuildOutOfStep(census.take()).orElseThrow().get(2, TimeUnit.MINUTES);
        // As at a start: a kind whose rows are all among its latest writes is in step by count, and comes back here.
        rebuild.reindexLatest(census.take()).orElseThrow().get(2, TimeUnit.MINUTES);

        assertThat(took).isPositive();
        assertThat(messagesMatching(word)).as("found again").isEqualTo(1);
        assertThat(census.take()).as("in step again").allMatch(KindCensus::inStep);
    }

    @Test
    void an_index_missing_an_older_message_is_rebuilt_for_messages_only() throws Exception {
        bringInStep();
        String word = Inbound.uniqueWord();
        long older = olderMessage("The toaster " + word + " sparks");
        // What an index restored from an older copy looks like: it lacks a message older than the latest writes,
        // which the re-indexing at every start would not look at.
        transactions.executeWithoutResult(status -> Search.session(entityManager).indexingPlan()
                .purge(Message.class, older, null));

        List<KindCensus> counts = census.take();

        assertThat(counts).filteredOn(c -> !c.inStep()).extracting(KindCensus::kind)
                .containsExactly(IndexedKind.MESSAGES);
        KindCensus messages = counts.stream().filter(c -> c.kind() == IndexedKind.MESSAGES).findFirst().orElseThrow();
        assertThat(messages.rows() - messages.recentRows()).isEqualTo(
                messages.documents() - messages.recentDocuments() + 1);
        rebuild.rebuildOutOfStep(counts).orElseThrow().get(2, TimeUnit.MINUTES);
        assertThat(messagesMatching(word)).as("found again").isEqualTo(1);
        assertThat(census.take()).allMatch(KindCensus::inStep);
    }

    @Test
    void an_index_with_a_document_whose_row_is_gone_is_rebuilt() throws Exception {
        bringInStep();
        String name = "Gone " + Inbound.uniqueWord();
        Long customer = transactions.execute(status -> {
            Customer created = new Customer(name, Instant.now());
            entityManager.persist(created);
            return created.getId();
        });
        jdbc.update("update customer set created_at = created_at - interval 1 hour,"
                + " updated_at = updated_at - interval 1 hour where id = ?", customer);
        assertThat(census.take()).allMatch(KindCensus::inStep);
        // What a database restored from a backup older than the index looks like: the index names a row that is
        // gone (and whose id the database may give again to another one).
        jdbc.update("delete from customer where id = ?", customer);
        assertThat(customersNamed(name)).isEqualTo(1);

        List<KindCensus> counts = census.take();

        assertThat(counts).filteredOn(c -> !c.inStep()).extracting(KindCensus::kind)
                .containsExactly(IndexedKind.CUSTOMERS);
        rebuild.rebuildOutOfStep(counts).orElseThrow().get(2, TimeUnit.MINUTES);
        assertThat(customersNamed(name)).as("gone from the index too").isZero();
        assertThat(census.take()).allMatch(KindCensus::inStep);
    }

    @Test
    void the_latest_messages_are_indexed_again_once_and_a_lost_one_is_found_again() throws Exception {
        String lost = Inbound.uniqueWord();
        String kept = Inbound.uniqueWord();
        customerWrites("The blender " + kept + " hums");
        long lostId = customerWrites("The kettle " + lost + " leaks");
        // What a crash before Lucene's commit leaves: the message is in the database, not in the index.
        transactions.executeWithoutResult(status -> Search.session(entityManager).indexingPlan()
                .purge(Message.class, lostId, null));
        assertThat(messagesMatching(lost)).isZero();

        rebuild.reindexLatest(census.take()).orElseThrow().get(2, TimeUnit.MINUTES);

        assertThat(messagesMatching(lost)).as("found again").isEqualTo(1);
        assertThat(messagesMatching(kept)).as("indexed again, not twice").isEqualTo(1);
    }

    /** Whatever other tests left out of step (rows written with plain SQL) is rebuilt first. */
    private void bringInStep() throws Exception {
        var rebuilding = rebuild.rebuildOutOfStep(census.take());
        if (rebuilding.isPresent()) {
            rebuilding.get().get(2, TimeUnit.MINUTES);
        }
        assertThat(census.take()).allMatch(KindCensus::inStep);
    }

    /** A new customer's message, dated an hour back, then a newer one, so it is not among the latest writes. */
    private long olderMessage(String text) {
        long older = customerWrites(text);
        jdbc.update("update message set created_at = created_at - interval 1 hour where id = ?", older);
        customerWrites("A newer message");
        return older;
    }

    private long customersNamed(String name) {
        try (var session = entities.createEntityManager()) {
            return Search.session(session).search(Customer.class)
                    .where(f -> f.phrase().field("displayName").matching(name)).fetchTotalHitCount();
        }
    }

    /** A new customer's message; returns its id. */
    private long customerWrites(String text) {
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        return inbound.writes(inbound.account("Search recovery chat"), Identity.phone("+4930" + (System.nanoTime()
                % 90_000_000L + 10_000_000L)), "Robin Rebuild", text).messageId();
    }

    private long messagesMatching(String word) {
        try (var session = entities.createEntityManager()) {
            return Search.session(session).search(Message.class).where(f -> f.match().field("text").matching(word))
                    .fetchTotalHitCount();
        }
    }
}
