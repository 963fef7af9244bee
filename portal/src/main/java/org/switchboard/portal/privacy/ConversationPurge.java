package org.switchboard.portal.privacy;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.conversation.Message;

/**
 * Deletes conversations with everything that hangs off them: outbox rows, attachments, events, messages, and the
 * messages' search documents (purged from the index when the transaction commits, since plain SQL deletes bypass
 * Hibernate Search's automatic indexing).
 */
@Component
class ConversationPurge {

    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate named;
    private final EntityManager entityManager;

    ConversationPurge(JdbcTemplate jdbc, EntityManager entityManager) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.entityManager = entityManager;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    PurgeCounts delete(List<Long> conversationIds) {
        PurgeCounts total = PurgeCounts.NONE;
        for (int i = 0; i < conversationIds.size(); i += CHUNK) {
            total = total.plus(deleteChunk(conversationIds.subList(i, Math.min(conversationIds.size(), i + CHUNK))));
        }
        return total;
    }

    private PurgeCounts deleteChunk(List<Long> conversationIds) {
        entityManager.flush();
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", conversationIds);
        List<Long> messageIds = named.queryForList("select id from message where conversation_id in (:ids)", ids,
                Long.class);
        int outbox = 0;
        int attachments = 0;
        SearchIndexingPlan index = Search.session(entityManager).indexingPlan();
        for (int i = 0; i < messageIds.size(); i += CHUNK) {
            MapSqlParameterSource messages = new MapSqlParameterSource("ids",
                    messageIds.subList(i, Math.min(messageIds.size(), i + CHUNK)));
            outbox += named.update("delete from outbox where message_id in (:ids)", messages);
            attachments += named.update("delete from message_attachment where message_id in (:ids)", messages);
        }
        int events = named.update("delete from conversation_event where conversation_id in (:ids)", ids);
        int deletedMessages = named.update("delete from message where conversation_id in (:ids)", ids);
        int conversations = named.update("delete from conversation where id in (:ids)", ids);
        messageIds.forEach(id -> index.purge(Message.class, id, null));
        return new PurgeCounts(conversations, deletedMessages, attachments, events, outbox);
    }
}
