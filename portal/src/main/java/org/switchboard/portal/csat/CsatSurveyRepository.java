package org.switchboard.portal.csat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CsatSurveyRepository extends JpaRepository<CsatSurvey, Long> {

    boolean existsByConversationIdAndResolvedAt(long conversationId, Instant resolvedAt);

    /**
     * Conversations resolved in {@code [from, to)} whose resolution has no survey, by id after {@code afterId}
     * (pages). Only where the conversation's latest account already asked for surveys, with the same settings, when
     * the conversation was resolved: switching surveys on must not survey the resolutions of the day before.
     */
    @Query(value = """
            select c.id from conversation c join csat_settings a on a.channel_account_id = c.last_channel_account_id
            where c.status = 'RESOLVED' and c.resolved_at >= :from and c.resolved_at < :to and c.id > :afterId
            and a.enabled and a.updated_at <= c.resolved_at
            and not exists (select 1 from csat_survey s where s.conversation_id = c.id
                and s.resolved_at = c.resolved_at)
            order by c.id limit :limit""", nativeQuery = true)
    List<Long> findResolutionsWithoutSurvey(Instant from, Instant to, long afterId, int limit);

    /** Scheduled surveys whose time has come, oldest first. */
    @Query("select s.id from CsatSurvey s where s.status = :status and s.sendAfter <= :now order by s.sendAfter, s.id")
    List<Long> findDue(SurveyStatus status, Instant now, Limit limit);

    /** Surveys that went to this customer on this account since a time and are not answered yet, newest first. */
    @Query("""
            select s from CsatSurvey s where s.customerId = :customerId and s.status = :status
            and s.channelAccountId = :accountId and s.sentAt > :since order by s.sentAt desc, s.id desc""")
    List<CsatSurvey> findUnanswered(long customerId, String accountId, SurveyStatus status, Instant since,
            Limit limit);

    /** Of these customers, those with a survey sent since a time and not answered yet (any account). */
    /*
     * Native SQL (JPQL with an IN list of varying length is translated again on every call) and no flush before
     * it: the ingest writer looks up before it writes anything in the transaction.
     */
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
            name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "MANUAL"))
    @Query(value = """
            select distinct customer_id from csat_survey where customer_id in (:customerIds) and status = :status
            and sent_at > :since""", nativeQuery = true)
    List<Long> findCustomersWithUnanswered(Collection<Long> customerIds, String status, Instant since);

    /** When any of these conversations last got a survey after {@code since}, or {@code null}. */
    @Query("select max(s.sentAt) from CsatSurvey s where s.conversationId in :conversationIds and s.sentAt > :since")
    Instant findLastSentSince(Collection<Long> conversationIds, Instant since);

    List<CsatSurvey> findByConversationIdOrderByCreatedAtDescIdDesc(long conversationId, Limit limit);

    @Query("""
            select s from CsatSurvey s where s.conversationId in :conversationIds and s.status = :status
            order by s.answeredAt desc, s.id desc""")
    List<CsatSurvey> findByConversationsAndStatus(Collection<Long> conversationIds, SurveyStatus status,
            Limit limit);

    /** Surveys that went out in {@code [from, to)}, answered or not, oldest first. */
    @Query("select s from CsatSurvey s where s.sentAt >= :from and s.sentAt < :to order by s.sentAt, s.id")
    List<CsatSurvey> findSentBetween(Instant from, Instant to);
}
