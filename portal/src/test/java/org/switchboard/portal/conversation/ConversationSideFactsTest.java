package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Side facts (the assistant's summary, the intent, the SLA verdict) are written by targeted updates that do not bump
 * the version, and a conversation's own writes name only the columns they changed (dynamic updates): an agent's
 * write to a conversation neither fails because of a side fact written meanwhile nor writes the old value back.
 */
@PortalTest
class ConversationSideFactsTest extends PortalTest.Base {

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

    @Test
    void a_side_fact_written_while_an_agent_holds_the_conversation_survives_the_agents_write() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        Identity visitor = Identity.email("side-facts-" + UUID.randomUUID() + "@example.com");
        long id = inbound.writes(inbound.account("Side facts"), visitor, "Vera", "Where is my order?")
                .conversationId();
        TransactionTemplate agent = new TransactionTemplate(transactions);
        TransactionTemplate assistant = new TransactionTemplate(transactions);
        assistant.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        agent.executeWithoutResult(status -> {
            Conversation held = entityManager.find(Conversation.class, id);
            assistant.executeWithoutResult(s -> {
                repository.setAiSummary(id, "Wants a refund for order 1182");
                repository.setIntent(id, "refund");
            });
            held.changePriority(Priority.HIGH);
        });

        assertThat(jdbc.queryForMap("select priority, ai_summary, intent from conversation where id = ?", id))
                .containsEntry("priority", "HIGH")
                .containsEntry("ai_summary", "Wants a refund for order 1182")
                .containsEntry("intent", "refund");
    }
}
