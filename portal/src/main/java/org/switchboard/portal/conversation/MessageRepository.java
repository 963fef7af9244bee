package org.switchboard.portal.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, Long> {

    boolean existsByChannelAccountIdAndExternalId(String channelAccountId, String externalId);

    /*
     * Native SQL (JPQL with an IN list of varying length is translated again on every call) and no flush before
     * it: the ingest writer looks up before it writes anything in the transaction.
     */
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
            name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "MANUAL"))
    @Query(value = "select external_id from message where channel_account_id = :accountId"
            + " and external_id in (:externalIds)", nativeQuery = true)
    List<String> findStoredExternalIds(String accountId, Collection<String> externalIds);

    Optional<Message> findByChannelAccountIdAndExternalId(String channelAccountId, String externalId);

    @Query("""
            select m from Message m where m.channelAccountId = :accountId and m.externalId in :externalIds
            order by m.id desc""")
    List<Message> findByExternalIds(String accountId, Collection<String> externalIds);

    @Query("select m from Message m where m.conversationId = :conversationId order by m.createdAt, m.id")
    List<Message> findByConversation(Long conversationId);

    /** The latest messages exchanged with one identity on one account, newest first. */
    @Query("""
            select m from Message m where m.channelAccountId = :accountId and m.identityKind = :kind
            and m.identityValue = :value and m.direction in ('IN', 'OUT') order by m.id desc""")
    List<Message> findLatestWithIdentity(String accountId, String kind, String value, Limit limit);

    /** The customer's latest inbound message in a conversation, to reply on the channel they used last. */
    @Query("""
            select m from Message m where m.conversationId = :conversationId and m.direction = 'IN'
            order by m.createdAt desc, m.id desc""")
    List<Message> findLatestInbound(Long conversationId, Limit limit);

    /** Provider ids of a conversation's messages on one account, newest first: an email reply's References. */
    @Query("""
            select m.externalId from Message m where m.conversationId = :conversationId
            and m.channelAccountId = :accountId and m.externalId is not null and m.direction in ('IN', 'OUT')
            order by m.id desc""")
    List<String> findThreadIds(Long conversationId, String accountId, Limit limit);

    /** The customer's latest inbound message in a conversation on one account. */
    @Query("""
            select m.externalId from Message m where m.conversationId = :conversationId
            and m.channelAccountId = :accountId and m.direction = 'IN' order by m.id desc""")
    List<String> findLatestInboundIdOn(Long conversationId, String accountId, Limit limit);

    /** When an identity last wrote to an account (any conversation): opens a channel's reply window. */
    @Query("""
            select max(m.createdAt) from Message m where m.channelAccountId = :accountId
            and m.identityKind = :kind and m.identityValue = :value and m.direction = 'IN'""")
    java.time.Instant findLastInboundAt(String accountId, String kind, String value);

    /** A customer's messages across all conversations and channels, newest first (the 360 timeline). */
    @Query("""
            select m from Message m join m.conversation c where c.customer.id = :customerId
            order by m.createdAt desc, m.id desc""")
    List<Message> findTimelineFirstPage(Long customerId, Limit limit);

    @Query("""
            select m from Message m join m.conversation c where c.customer.id = :customerId
            and (m.createdAt < :before or (m.createdAt = :before and m.id < :beforeId))
            order by m.createdAt desc, m.id desc""")
    List<Message> findTimelinePageAfter(Long customerId, java.time.Instant before, Long beforeId, Limit limit);
}
