package org.switchboard.portal.agent;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgentRepository extends JpaRepository<Agent, Long> {

    Optional<Agent> findByEmailIgnoreCase(String email);
}
