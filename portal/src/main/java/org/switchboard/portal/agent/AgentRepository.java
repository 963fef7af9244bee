package org.switchboard.portal.agent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AgentRepository extends JpaRepository<Agent, Long> {

    Optional<Agent> findByEmailIgnoreCase(String email);

    List<Agent> findAllByOrderByDisplayNameAscIdAsc();

    /**
     * The enabled admins' ids, their rows locked until the transaction ends: two admins demoting each other at the
     * same moment are serialized, so the second one sees that the other is the last admin.
     */
    @Query(value = "SELECT a.id FROM agent a JOIN agent_role r ON r.agent_id = a.id"
            + " WHERE r.role = 'ADMIN' AND a.enabled ORDER BY a.id FOR UPDATE", nativeQuery = true)
    List<Long> lockEnabledAdmins();
}
