package org.switchboard.portal.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SavedViewRepository extends JpaRepository<SavedView, Long> {

    /** The agent's own views and everybody's shared ones, by name. */
    @Query("select v from SavedView v where v.ownerAgentId = :agentId or v.shared = true order by v.name, v.id")
    List<SavedView> findVisibleTo(long agentId);

    boolean existsByOwnerAgentIdAndName(long ownerAgentId, String name);
}
