package org.switchboard.portal.conversation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.customer.Sql;

/**
 * Writes what ingestion changed on the conversations its transaction holds (locked by its look-up, or created by it)
 * as one JDBC batch, where Hibernate would send one statement each: {@code Conversation} uses dynamic updates, which
 * Hibernate does not batch, and the ingest writer updates a conversation for nearly every message it stores.
 *
 * <p>Only conversations whose changes are all in the columns ingestion writes (last message, activity, unread count,
 * waiting since, status and snooze on a customer's reply) are written here; any other change leaves the conversation
 * to Hibernate as before. The rows are held until the commit, so writing these columns whole overwrites nobody: a
 * targeted update of a side fact (an AI summary, the SLA verdict) waits for the lock and comes after.
 */
@Repository // Spring translates the flush's exceptions: a delivery breaking a constraint must read as one.
class HeldConversationWrites {

    /* The columns ingestion changes, in the order of the statement's parameters; by the entity's property names. */
    private static final List<String> INGEST_PROPERTIES = List.of("status", "resolvedAt", "snoozedUntil",
            "snoozeUntilReply", "lastMessageId", "lastMessagePreview", "lastActivityAt", "lastChannelAccountId",
            "lastInboundAt", "unreadCount", "waitingSince");

    private static final String UPDATE = """
            update conversation set status = ?, resolved_at = ?, snoozed_until = ?, snooze_until_reply = ?,
            last_message_id = ?, last_message_preview = ?, last_activity_at = ?, last_channel_account_id = ?,
            last_inbound_at = ?, unread_count = ?, waiting_since = ?, version = version + 1
            where id = ? and version = ?""";

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Flushes the transaction's pending writes, with the held conversations' ingest changes as one JDBC batch.
     *
     * @return how many conversations were written in the batch
     * @throws OptimisticLockingFailureException when a held row changed after all (then nothing is committed)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int flush(Set<Conversation> held) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        List<Written> batch = new ArrayList<>();
        for (Conversation conversation : held) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(conversation);
            if (entry != null && entry.getStatus() == Status.MANAGED && onlyIngestChanged(entry, conversation,
                    session)) {
                batch.add(new Written(conversation, (Long) entry.getVersion()));
                // No snapshot, no dirty check: Hibernate leaves the row to the statement below.
                session.setReadOnly(conversation, true);
            }
        }
        // Messages and new conversations first: the statement below names the inserted message.
        session.flush();
        if (!batch.isEmpty()) {
            session.doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    for (Written written : batch) {
                        bind(update, written);
                        update.addBatch();
                    }
                    int[] counts = update.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] != 1) {
                            throw new OptimisticLockingFailureException("conversation "
                                    + batch.get(i).conversation().getId() + " changed while held by ingestion");
                        }
                    }
                }
            });
        }
        return batch.size();
    }

    private static boolean onlyIngestChanged(EntityEntry entry, Conversation conversation,
            SessionImplementor session) {
        EntityPersister persister = entry.getPersister();
        Object[] loaded = entry.getLoadedState();
        if (loaded == null) {
            return false;
        }
        int[] dirty = persister.findDirty(persister.getValues(conversation), loaded, conversation, session);
        if (dirty == null) {
            // Unchanged: nothing to write (Hibernate would write nothing either).
            return false;
        }
        String[] names = persister.getPropertyNames();
        return Arrays.stream(dirty).allMatch(i -> INGEST_PROPERTIES.contains(names[i]));
    }

    private static void bind(PreparedStatement update, Written written) throws java.sql.SQLException {
        Conversation c = written.conversation();
        update.setString(1, c.getStatus().name());
        update.setObject(2, Sql.utc(c.getResolvedAt()));
        update.setObject(3, Sql.utc(c.getSnoozedUntil()));
        update.setBoolean(4, c.isSnoozeUntilReply());
        update.setObject(5, c.getLastMessageId());
        update.setString(6, c.getLastMessagePreview());
        update.setObject(7, Sql.utc(c.getLastActivityAt()));
        update.setString(8, c.getLastChannelAccountId());
        update.setObject(9, Sql.utc(c.getLastInboundAt()));
        update.setInt(10, c.getUnreadCount());
        update.setObject(11, Sql.utc(c.getWaitingSince()));
        update.setLong(12, c.getId());
        update.setLong(13, written.version());
    }

    private record Written(Conversation conversation, long version) {
    }
}
