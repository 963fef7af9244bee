package org.switchboard.portal.audit;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findAllByOrderByOccurredAtDescIdDesc(Limit limit);

    List<AuditEntry> findByActionOrderByOccurredAtDescIdDesc(String action, Limit limit);
}
