package org.switchboard.portal.conversation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationEventRepository extends JpaRepository<ConversationEvent, Long> {

    boolean existsByConversationIdAndType(Long conversationId, ConversationEventType type);
}
