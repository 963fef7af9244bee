package org.switchboard.portal.automation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AutomationRuleRepository extends JpaRepository<AutomationRule, Long> {

    List<AutomationRule> findAllByOrderByPositionAscIdAsc();

    List<AutomationRule> findByTriggerAndEnabledTrueOrderByPositionAscIdAsc(AutomationTrigger trigger);

    Optional<AutomationRule> findByNameIgnoreCase(String name);
}
