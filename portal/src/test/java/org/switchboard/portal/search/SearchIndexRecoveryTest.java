package org.switchboard.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
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
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * A lost index (emptied here with Hibernate Search's purge) is rebuilt from the database; a full one is left be. The
 * latest messages, whose index writes a crash can lose (one removed from the index here), are indexed again, once.
 */
@PortalTest
class SearchIndexRecoveryTest extends PortalTest.Base {

    @Autowired
    SearchIndexRecovery rebuild;
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
    void an_emptied_index_is_rebuilt_from_the_database_and_a_full_one_is_not() throws Exception {
        String word = Inbound.uniqueWord();
        customerWrites("My kettle " + word + " is broken");
        assertThat(messagesMatching(word)).isEqualTo(1);
        assertThat(rebuild.rebuildIfLost()).as("nothing lost, nothing to do").isEmpty();

        // What a deleted index directory looks like to the portal: no documents at all.
        var everything = Search.mapping(entities).scope(Object.class).workspace();
        everything.purge();
        everything.refresh();
        assertThat(messagesMatching(word)).isZero();

        Duration took = rebuild.rebuildIfLost().orElseThrow().get(2, TimeUnit.MINUTES);

        assertThat(took).isPositive();
        assertThat(messagesMatching(word)).as("found again").isEqualTo(1);
        assertThat(rebuild.rebuildIfLost()).as("full again").isEmpty();
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

        rebuild.reindexLatest().orElseThrow().get(2, TimeUnit.MINUTES);

        assertThat(messagesMatching(lost)).as("found again").isEqualTo(1);
        assertThat(messagesMatching(kept)).as("indexed again, not twice").isEqualTo(1);
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
