package org.switchboard.portal.collaboration;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationNotes;

/**
 * An agent's private note with its mentions: the "@Name" mentions are resolved to colleagues when the note is
 * saved, and each mentioned colleague (not the author) gets a notification in the same transaction.
 */
@Service
public class PrivateNotes {

    private final ConversationNotes notes;
    private final Teammates teammates;
    private final AgentNotifications notifications;
    private final TransactionTemplate transaction;

    PrivateNotes(ConversationNotes notes, Teammates teammates, AgentNotifications notifications,
            PlatformTransactionManager transactions) {
        this.notes = notes;
        this.teammates = teammates;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Adds a note to a conversation.
     *
     * @throws org.switchboard.portal.conversation.ConversationOperationException if the note is empty or too long
     */
    public NoteAdded add(long conversationId, AgentView author, String text) {
        List<Teammate> mentioned = Mentions.in(text, teammates.enabled());
        Set<Long> mentionedIds = mentioned.stream().map(Teammate::id)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Set<Long> notified = mentionedIds.stream().filter(id -> id != author.id())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        long messageId = ConflictRetry.retry(() -> transaction.execute(status -> {
            long id = notes.add(conversationId, author.id(), text, mentionedIds);
            notifications.mentioned(notified, conversationId, id, author.id());
            return id;
        }));
        return new NoteAdded(messageId, mentioned);
    }
}
