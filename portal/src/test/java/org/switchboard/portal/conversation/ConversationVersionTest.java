package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * Conversations are written whole (static updates, so that many go to the database as one JDBC batch), and every
 * write bumps the version, the targeted updates of side facts included: a writer holding an older row meets the
 * version check instead of writing stale columns back, also when its update is one of a batch.
 */
@PortalTest
class ConversationVersionTest extends PortalTest.Base {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DataSource dataSource;

    @Autowired
    ConversationRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @PersistenceContext
    EntityManager entityManager;

    JdbcTemplate jdbc;
    Inbound inbound;
    String accountId;
    TransactionTemplate transaction;
    TransactionTemplate meanwhile;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource);
        inbound = new Inbound(pipeline, accounts, jdbc);
        accountId = inbound.account("Versions");
        transaction = new TransactionTemplate(transactions);
        meanwhile = new TransactionTemplate(transactions);
        meanwhile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Test
    void a_side_fact_written_while_an_agent_holds_the_conversation_is_kept_and_the_agent_retries() {
        long id = newConversation();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            Conversation held = entityManager.find(Conversation.class, id);
            meanwhile.executeWithoutResult(s -> repository.setAiSummary(id, "Wants a refund for order 1182"));
            held.changePriority(Priority.HIGH);
        })).isInstanceOf(ConcurrencyFailureException.class);
        assertThat(column("ai_summary", id)).isEqualTo("Wants a refund for order 1182");
        assertThat(column("priority", id)).isEqualTo("NORMAL");

        ConflictRetry.retry(() -> transaction.executeWithoutResult(status -> entityManager
                .find(Conversation.class, id).changePriority(Priority.HIGH)));
        assertThat(column("priority", id)).isEqualTo("HIGH");
        assertThat(column("ai_summary", id)).as("the retry wrote the fresh row").isEqualTo(
                "Wants a refund for order 1182");
    }

    @Test
    void a_stale_row_among_batched_updates_fails_the_whole_transaction() {
        // The driver must report each batched update's row count (no bulk updates), or this would commit silently.
        long first = newConversation();
        long second = newConversation();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            Conversation a = entityManager.find(Conversation.class, first);
            Conversation b = entityManager.find(Conversation.class, second);
            meanwhile.executeWithoutResult(s -> repository.setIntent(second, "refund"));
            a.changePriority(Priority.URGENT);
            b.changePriority(Priority.URGENT);
        })).isInstanceOf(ConcurrencyFailureException.class);
        assertThat(column("priority", first)).as("rolled back with the stale one").isEqualTo("NORMAL");
        assertThat(column("intent", second)).isEqualTo("refund");
        assertThat(column("priority", second)).isEqualTo("NORMAL");
    }

    @Test
    void every_targeted_update_bumps_the_version() {
        long id = newConversation();
        long version = version(id);

        meanwhile.executeWithoutResult(s -> {
            repository.setAiSummary(id, "summary");
            repository.setAiSuggestion(id, "suggestion", "faq-12");
            repository.setIntent(id, "billing");
            repository.setSentiment(id, "negative");
            repository.setSla(id, null, true);
            repository.raisePriority(id, Priority.HIGH, java.util.List.of(Priority.LOW, Priority.NORMAL));
            repository.clearUnread(id);
        });

        assertThat(version(id)).isEqualTo(version + 7);
    }

    private long newConversation() {
        Identity visitor = Identity.email("versions-" + java.util.UUID.randomUUID() + "@example.com");
        return inbound.writes(accountId, visitor, "Vera", "Where is my order?").conversationId();
    }

    private String column(String name, long id) {
        return jdbc.queryForObject("select " + name + " from conversation where id = ?", String.class, id);
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from conversation where id = ?", Long.class, id);
    }
}
