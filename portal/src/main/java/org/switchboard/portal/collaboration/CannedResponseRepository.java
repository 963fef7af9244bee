package org.switchboard.portal.collaboration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CannedResponseRepository extends JpaRepository<CannedResponse, Long> {

    /** The shared responses and the agent's own, by shortcut. */
    @Query("""
            select r from CannedResponse r where r.ownerAgentId is null or r.ownerAgentId = :agentId
            order by r.shortcut""")
    List<CannedResponse> findVisibleTo(Long agentId);

    Optional<CannedResponse> findByShortcut(String shortcut);
}
