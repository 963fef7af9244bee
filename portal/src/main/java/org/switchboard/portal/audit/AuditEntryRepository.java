package org.switchboard.portal.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findAllByOrderByOccurredAtDescIdDesc(Limit limit);

    List<AuditEntry> findByActionOrderByOccurredAtDescIdDesc(String action, Limit limit);

    String MATCHING = " from AuditEntry e where (:actor is null or lower(e.actor) like :actor escape '!')"
            + " and (:action is null or e.action = :action)"
            + " and (:from is null or e.occurredAt >= :from) and (:to is null or e.occurredAt < :to)";

    @Query("select e" + MATCHING + " order by e.occurredAt desc, e.id desc")
    List<AuditEntry> search(String actor, String action, Instant from, Instant to, Pageable page);

    @Query("select count(e)" + MATCHING)
    long count(String actor, String action, Instant from, Instant to);

    @Query("select distinct e.action from AuditEntry e order by e.action")
    List<String> actions();
}
