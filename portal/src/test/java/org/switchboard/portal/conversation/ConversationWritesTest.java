package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.ai.AiPipeline;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * How a conversation's row is written without losing a change. Side facts (the assistant's summary, the intent, the
 * SLA verdict) are written by targeted updates that do not bump the version, and a conversation's own writes name
 * only the columns they changed (dynamic updates), so an agent's write neither fails because of a side fact written
 * meanwhile nor writes the old value back. The ingest writer's own batch of conversation updates takes only
 * conversations whose changes are all in the columns ingestion writes; one with any other change is left to
 * Hibernate.
 */
@PortalTest
class ConversationWritesTest extends PortalTest.Base {

    @Autowired
    HeldConversationWrites writes;

    @Autowired
    ConversationRepository repository;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    AiPipeline ai;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @PersistenceContext
    EntityManager entityManager;

    JdbcTemplate jdbc;
    TransactionTemplate transaction;
    long conversation;

    @BeforeEach
    void aConversation() {
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(transactions);
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        conversation = inbound.writes(inbound.account("Conversation writes"),
                Identity.email("writes-" + UUID.randomUUID() + "@example.com"), "Hana", "Where is my order?")
                .conversationId();
        // The assistant answers the customer in the background; its summary would race the tests' own writes.
        ai.awaitIdle();
    }

    @Test
    void a_side_fact_written_while_an_agent_holds_the_conversation_survives_the_agents_write() {
        TransactionTemplate assistant = new TransactionTemplate(transactions);
        assistant.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            Conversation held = entityManager.find(Conversation.class, conversation);
            assistant.executeWithoutResult(s -> {
                repository.setAiSummary(conversation, "Wants a refund for order 1182");
                repository.setIntent(conversation, "refund");
            });
            held.changePriority(Priority.HIGH);
        });

        assertThat(jdbc.queryForMap("select priority, ai_summary, intent from conversation where id = ?",
                conversation))
                .containsEntry("priority", "HIGH")
                .containsEntry("ai_summary", "Wants a refund for order 1182")
                .containsEntry("intent", "refund");
    }

    @Test
    void ingestion_columns_only_go_in_the_writers_batch_with_the_version_check() {
        long[] version = new long[1];

        int batched = transaction.execute(status -> {
            Conversation held = hold();
            version[0] = version();
            held.markRead();
            return writes.flush(Set.of(held));
        });

        assertThat(batched).isEqualTo(1);
        assertThat(jdbc.queryForObject("select unread_count from conversation where id = ?", Integer.class,
                conversation)).isZero();
        assertThat(version()).as("written once").isEqualTo(version[0] + 1);
    }

    @Test
    void a_conversation_with_another_change_is_left_to_hibernate_and_keeps_both_changes() {
        int batched = transaction.execute(status -> {
            Conversation held = hold();
            held.markRead();
            held.changePriority(Priority.URGENT);
            return writes.flush(Set.of(held));
        });

        assertThat(batched).isZero();
        assertThat(jdbc.queryForObject("select concat(unread_count, ' ', priority) from conversation where id = ?",
                String.class, conversation)).isEqualTo("0 URGENT");
    }

    @Test
    void an_unchanged_conversation_is_not_written() {
        int batched = transaction.execute(status -> writes.flush(Set.of(hold())));

        assertThat(batched).isZero();
    }

    /* As the ingest writer holds its conversations: locked until the commit (the assistant may write meanwhile). */
    private Conversation hold() {
        return entityManager.find(Conversation.class, conversation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    private long version() {
        return jdbc.queryForObject("select version from conversation where id = ?", Long.class, conversation);
    }
}
