package org.switchboard.portal.triage;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TriageRuleRepository extends JpaRepository<TriageRule, Long> {

    List<TriageRule> findAllByOrderByPositionAscIdAsc();
}
