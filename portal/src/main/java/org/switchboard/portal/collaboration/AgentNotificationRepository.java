package org.switchboard.portal.collaboration;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AgentNotificationRepository extends JpaRepository<AgentNotification, Long> {

    long countByAgentIdAndReadAtIsNull(Long agentId);

    List<AgentNotification> findByAgentIdOrderByCreatedAtDescIdDesc(Long agentId, Limit limit);

    @Modifying
    @Query("""
            update AgentNotification n set n.readAt = :at where n.agentId = :agentId and n.readAt is null
            and n.conversationId = :conversationId""")
    int markReadForConversation(Long agentId, Long conversationId, Instant at);

    @Modifying
    @Query("update AgentNotification n set n.readAt = :at where n.agentId = :agentId and n.readAt is null")
    int markAllRead(Long agentId, Instant at);
}
