package org.switchboard.portal.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

    /** The customer's most recently active conversation that is not resolved. */
    @Query("""
            select c from Conversation c where c.customer.id = :customerId and c.status <> 'RESOLVED'
            order by c.lastActivityAt desc, c.id desc""")
    List<Conversation> findActiveByCustomer(Long customerId, Limit limit);

    /**
     * The unresolved conversations of these customers, each customer's most recently active first, locked for the
     * caller's transaction: the ingest writer takes the row locks before it writes, so two writers (or a writer and an
     * agent) adding to one conversation queue up on the lock instead of failing each other's version check. Locked
     * in customer order, so two batches never wait for each other in a circle. Native SQL (JPQL with an IN list of
     * varying length is translated again on every call), without a flush: called before anything is written.
     */
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
            name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "MANUAL"))
    @Query(value = """
            select * from conversation where customer_id in (:customerIds) and status <> 'RESOLVED'
            order by customer_id, last_activity_at desc, id desc for update""", nativeQuery = true)
    List<Conversation> lockActiveByCustomers(Collection<Long> customerIds);

    @Query("""
            select c from Conversation c join fetch c.customer left join fetch c.assignee left join fetch c.team
            where c.id in :ids""")
    List<Conversation> findWithCustomerByIdIn(Collection<Long> ids);

    @Query("select c from Conversation c join fetch c.customer where c.id = :id")
    Optional<Conversation> findWithCustomer(Long id);

    /** The conversations of these customers (one index range per customer). */
    @Query("select c.id from Conversation c where c.customer.id in :customerIds")
    List<Long> findIdsByCustomerIds(Collection<Long> customerIds);

    /**
     * The customers these were merged into. Asked separately: joined with OR into the conversation query, MariaDB
     * scanned the whole customer index instead of looking each customer up (measured by the inbox benchmark).
     */
    @Query("select m.mergedIntoId from Customer m where m.id in :customerIds and m.mergedIntoId is not null")
    List<Long> findMergedIntoIds(Collection<Long> customerIds);

    @Query("""
            select c from Conversation c join fetch c.customer where c.customer.id = :customerId
            order by c.lastActivityAt desc, c.id desc""")
    List<Conversation> findByCustomerOrderByLastActivityDesc(Long customerId);

    /*
     * Targeted updates for side facts (the assistant's notes, the unread marker): they neither bump the version nor
     * touch other columns, so they never make an agent's or the ingestion's concurrent write fail.
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.aiSuggestion = :text, c.aiSuggestionSources = :sources where c.id = :id")
    int setAiSuggestion(Long id, String text, String sources);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.aiSummary = :summary where c.id = :id")
    int setAiSummary(Long id, String summary);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.priority = :priority where c.id = :id and c.priority in :lower")
    int raisePriority(Long id, Priority priority, java.util.Collection<Priority> lower);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.unreadCount = 0 where c.id = :id and c.unreadCount > 0")
    int clearUnread(Long id);

    @Query("select c.customer.id from Conversation c where c.id = :id")
    java.util.Optional<Long> findCustomerIdById(Long id);

    @org.springframework.data.jpa.repository.Modifying
    @Query(value = "update conversation set team_id = :teamId where id = :id and team_id is null", nativeQuery = true)
    int routeToTeamIfUnrouted(Long id, Long teamId);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.intent = :intent where c.id = :id")
    int setIntent(Long id, String intent);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.sentiment = :sentiment where c.id = :id")
    int setSentiment(Long id, String sentiment);

    /** The SLA package's verdict; targeted so it never collides with an agent's write (no version bump). */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Conversation c set c.slaDueAt = :dueAt, c.slaBreached = :breached where c.id = :id")
    int setSla(Long id, Instant dueAt, boolean breached);

    /** Snoozed conversations whose time has come. */
    @Query("select c.id from Conversation c where c.status = 'SNOOZED' and c.snoozedUntil <= :now")
    List<Long> findSnoozedDue(Instant now, Limit limit);
}
