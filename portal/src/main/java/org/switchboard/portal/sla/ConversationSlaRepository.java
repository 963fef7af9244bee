package org.switchboard.portal.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConversationSlaRepository extends JpaRepository<ConversationSla, Long> {

    List<ConversationSla> findByConversationIdOrderByStartedAtAscIdAsc(Long conversationId);

    /**
     * Conversations with an unmet target that is past due and not yet marked breached, or due before
     * {@code warnHorizon} and neither warned about nor breached.
     */
    @Query("""
            select distinct s.conversationId from ConversationSla s where s.metAt is null and s.breachedAt is null
            and (s.dueAt <= :now or (s.warnedAt is null and s.dueAt <= :warnHorizon))""")
    List<Long> findConversationsToCheck(Instant now, Instant warnHorizon, Limit limit);
}
