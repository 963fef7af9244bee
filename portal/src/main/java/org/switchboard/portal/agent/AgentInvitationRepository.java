package org.switchboard.portal.agent;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AgentInvitationRepository extends JpaRepository<AgentInvitation, Long> {

    Optional<AgentInvitation> findByTokenHash(String tokenHash);

    /** Locks the row: two tabs accepting one link at once must not both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from AgentInvitation i where i.tokenHash = :tokenHash")
    Optional<AgentInvitation> lockByTokenHash(String tokenHash);

    List<AgentInvitation> findByAgentIdAndUsedAtIsNull(long agentId);
}
