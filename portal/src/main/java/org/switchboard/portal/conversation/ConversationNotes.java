package org.switchboard.portal.conversation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Agent;
import org.switchboard.portal.conversation.ConversationChanged.Change;

/**
 * Agents' private notes in a conversation: stored as {@link MessageDirection#NOTE} messages, never sent. A note is
 * activity (the inbox shows it, marked as a note, and sorts by it) but not an answer: the customer still waits,
 * nothing is unread, the reply channel stays the customer's, and it is never a first response.
 */
@Service
public class ConversationNotes {

    /** The longest note. */
    public static final int MAX_LENGTH = 10_000;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    ConversationNotes(ConversationRepository conversations, MessageRepository messages,
            ConversationEventRepository events, ApplicationEventPublisher publisher, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Adds a note written by an agent; records NOTE_ADDED with the agents it mentions ("mentions #3, #5"). Joins
     * the caller's transaction when there is one. A concurrent change of the conversation makes it fail with a
     * concurrency exception: run it in {@link ConflictRetry}.
     *
     * @param mentionedAgentIds the agents the note mentions (already resolved), possibly empty
     * @return the note's message id
     * @throws ConversationOperationException if the text is empty or too long, or the agent does not exist
     * @throws UnknownConversationException   if there is no such conversation
     */
    @Transactional
    public long add(long conversationId, long agentId, String text, Collection<Long> mentionedAgentIds) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new ConversationOperationException("The note is empty.");
        }
        if (body.length() > MAX_LENGTH) {
            throw new ConversationOperationException("A note has at most " + MAX_LENGTH + " characters (this one has "
                    + body.length() + ").");
        }
        Agent author = entityManager.find(Agent.class, agentId);
        if (author == null) {
            throw new ConversationOperationException("Unknown agent #" + agentId + ".");
        }
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        Instant now = clock.instant();
        Message note = messages.save(Message.note(conversation, agentId, author.getDisplayName(), body, now));
        conversation.noteMessage(note);
        String mentions = mentionedAgentIds.isEmpty() ? null : "mentions " + mentionedAgentIds.stream().distinct()
                .map(id -> "#" + id).collect(Collectors.joining(", "));
        events.save(new ConversationEvent(conversationId, ConversationEventType.NOTE_ADDED, now, agentId, null,
                mentions));
        publisher.publishEvent(new ConversationChanged(conversationId, conversation.getCustomer().getId(),
                Change.MESSAGE_ADDED));
        return note.getId();
    }
}
