package org.switchboard.portal.sla;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
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

    /*
     * The events that start and stop SLA clocks, as literals: a list parameter would make Hibernate translate the
     * query to SQL again on every call (it caches only queries without multi-valued parameters), which cost this
     * reader, run after every change of every conversation, most of its time.
     */
    private static final String CLOCK_EVENTS = """
            select e.type, e.occurredAt from ConversationEvent e where e.conversationId = :id
            and e.type in (org.switchboard.portal.conversation.ConversationEventType.FIRST_RESPONSE,
            org.switchboard.portal.conversation.ConversationEventType.RESOLVED,
            org.switchboard.portal.conversation.ConversationEventType.REOPENED)
            order by e.occurredAt, e.id""";

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * What decides whether each of these conversations needs an evaluation at all, in one query for all of them:
     * the policy's inputs (priority, channel kind) and whether a target runs. Native SQL, because Hibernate would
     * translate a JPQL query with an id list again for every list length.
     */
    List<SlaCandidate> candidates(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = entityManager.createNativeQuery("""
                select c.id, c.priority, a.connector_id, (c.sla_due_at is not null or c.sla_breached)
                from conversation c left join channel_account a on a.id = c.last_channel_account_id
                where c.id in (:ids)""").setParameter("ids", conversationIds).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new SlaCandidate(((Number) r[0]).longValue(), Priority.valueOf((String) r[1]),
                        (String) r[2], ((Number) r[3]).intValue() != 0))
                .toList();
    }

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
        List<ConversationFacts.Event> events = entityManager.createQuery(CLOCK_EVENTS, Object[].class)
                .setParameter("id", conversationId).getResultList().stream()
                .map(e -> new ConversationFacts.Event((ConversationEventType) e[0], (Instant) e[1])).toList();
        return Optional.of(new ConversationFacts(conversationId, (ConversationStatus) row[0], (Priority) row[1],
                (String) row[2], (Instant) row[3], (Instant) row[4], (Instant) row[5],
                (Boolean) row[6], events));
    }
}
