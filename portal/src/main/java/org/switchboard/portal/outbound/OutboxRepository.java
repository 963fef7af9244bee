package org.switchboard.portal.outbound;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    /** Due entries, locked; SKIP LOCKED lets several nodes' dispatchers share the outbox without waiting. */
    @Query(value = """
            select * from outbox where next_attempt_at <= :now and channel_account_id not in (:busyAccounts)
            order by next_attempt_at, id limit :limit
            for update skip locked""", nativeQuery = true)
    List<OutboxEntry> lockDue(Instant now, java.util.Collection<String> busyAccounts, int limit);
}
