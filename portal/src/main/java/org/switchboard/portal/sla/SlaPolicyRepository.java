package org.switchboard.portal.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.switchboard.portal.conversation.Priority;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    List<SlaPolicy> findByPriorityAndEnabledTrue(Priority priority);

    boolean existsByScheduleId(Long scheduleId);
}
