package org.switchboard.portal.conversation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationEventRepository extends JpaRepository<ConversationEvent, Long> {

    List<ConversationEvent> findByConversationIdOrderByOccurredAtAscIdAsc(Long conversationId);

    boolean existsByConversationIdAndType(Long conversationId, ConversationEventType type);
}
