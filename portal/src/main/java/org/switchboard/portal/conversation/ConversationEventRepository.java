package org.switchboard.portal.conversation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationEventRepository extends JpaRepository<ConversationEvent, Long> {

    boolean existsByConversationIdAndType(Long conversationId, ConversationEventType type);

    /** A customer's sentiment classifications across conversations, newest first (the 360 trend). */
    @org.springframework.data.jpa.repository.Query("""
            select e from ConversationEvent e where e.type = org.switchboard.portal.conversation.ConversationEventType.AI_CLASSIFIED
            and e.detail like 'sentiment:%' and e.conversationId in
            (select c.id from Conversation c where c.customer.id = :customerId) order by e.occurredAt desc""")
    java.util.List<ConversationEvent> findSentimentOfCustomer(Long customerId, org.springframework.data.domain.Limit limit);
}
