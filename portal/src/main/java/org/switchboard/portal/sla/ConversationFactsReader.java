package org.switchboard.portal.sla;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/**
 * Reads a conversation's SLA-relevant facts with projections: never loads (or could dirty) the conversation
 * entity, whose writes belong to the conversation package. Runs in the caller's transaction.
 */
@Component
class ConversationFactsReader {

    static final List<ConversationEventType> CLOCK_EVENTS = List.of(ConversationEventType.FIRST_RESPONSE,
            ConversationEventType.RESOLVED, ConversationEventType.REOPENED);

    @PersistenceContext
    private EntityManager entityManager;

    Optional<ConversationFacts> read(long conversationId) {
        // The channel kind is the connector id of the account the latest message used; one query with the join.
        List<Object[]> rows = entityManager.createQuery("""
                select c.status, c.priority, a.connectorId, c.createdAt, c.resolvedAt, c.slaDueAt, c.slaBreached
                from Conversation c left join ChannelAccount a on a.id = c.lastChannelAccountId
                where c.id = :id""", Object[].class)
                .setParameter("id", conversationId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.getFirst();
        List<ConversationFacts.Event> events = entityManager.createQuery("""
                select e.type, e.occurredAt from ConversationEvent e where e.conversationId = :id
                and e.type in :types order by e.occurredAt, e.id""", Object[].class)
                .setParameter("id", conversationId).setParameter("types", CLOCK_EVENTS).getResultList().stream()
                .map(e -> new ConversationFacts.Event((ConversationEventType) e[0], (Instant) e[1])).toList();
        return Optional.of(new ConversationFacts(conversationId, (ConversationStatus) row[0], (Priority) row[1],
                (String) row[2], (Instant) row[3], (Instant) row[4], (Instant) row[5],
                (Boolean) row[6], events));
    }
}
