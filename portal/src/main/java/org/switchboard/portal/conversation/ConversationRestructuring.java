package org.switchboard.portal.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.conversation.ConversationChanged.Change;

/**
 * Agents merge two conversations of one customer (the same question asked twice, on two channels) or split one
 * (a new question that threading put into an old conversation). Messages move; none is copied or lost. Each
 * side records what happened, and the conversation events stay where they happened, so metrics keep counting
 * the work done in each.
 */
@Service
public class ConversationRestructuring {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final EntityManager entityManager;

    ConversationRestructuring(ConversationRepository conversations, MessageRepository messages,
            ConversationEventRepository events, ApplicationEventPublisher publisher, Clock clock,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Moves every message of {@code sourceId} into {@code targetId} and resolves the source.
     *
     * @throws ConversationOperationException when they are the same conversation or belong to different
     *                                        customers (merge the customers first)
     */
    @Transactional
    public void merge(long sourceId, long targetId, Long agentId) {
        if (sourceId == targetId) {
            throw new ConversationOperationException("a conversation cannot be merged into itself");
        }
        Conversation source = load(sourceId);
        Conversation target = load(targetId);
        if (!source.getCustomer().getId().equals(target.getCustomer().getId())) {
            throw new ConversationOperationException("these conversations belong to different customers;"
                    + " merge the customers first");
        }
        Instant now = clock.instant();
        List<Message> moving = messages.findByConversation(sourceId);
        List<Message> staying = messages.findByConversation(targetId);
        moveAll(moving, target);
        // Recomputed from the lists in hand, in the same order the history shows.
        List<Message> all = new java.util.ArrayList<>(staying);
        all.addAll(moving);
        all.sort(java.util.Comparator.comparing(Message::getCreatedAt).thenComparing(Message::getId));
        target.recomputeFrom(all);
        source.recomputeFrom(List.of());
        if (source.getStatus() != ConversationStatus.RESOLVED) {
            source.changeStatus(ConversationStatus.RESOLVED, now);
        }
        if (!target.getStatus().isActive()) {
            target.reopen();
        }
        record(sourceId, ConversationEventType.MERGED_AWAY, now, agentId, "into #" + targetId);
        record(targetId, ConversationEventType.MERGED_IN, now, agentId, "from #" + sourceId);
        publish(source, Change.STATUS);
        publish(target, Change.MESSAGE_ADDED);
    }

    /**
     * Moves {@code fromMessageId} and every later message of its conversation into a new conversation of the same
     * customer; returns the new conversation's id.
     *
     * @throws ConversationOperationException when the message is the conversation's first (nothing would remain)
     */
    @Transactional
    public long split(long conversationId, long fromMessageId, Long agentId) {
        Conversation original = load(conversationId);
        List<Message> ordered = messages.findByConversation(conversationId);
        int at = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getId() == fromMessageId) {
                at = i;
            }
        }
        if (at < 0) {
            throw new ConversationOperationException("message " + fromMessageId + " is not in this conversation");
        }
        if (at == 0) {
            throw new ConversationOperationException("splitting at the first message would leave nothing behind");
        }
        List<Message> moving = ordered.subList(at, ordered.size());
        Instant now = clock.instant();
        Message first = moving.getFirst();
        Conversation split = conversations.save(new Conversation(original.getCustomer(),
                first.getChannelAccountId() != null ? first.getChannelAccountId() : original.getLastChannelAccountId(),
                original.getSubject(), first.getCreatedAt()));
        List<Message> staying = List.copyOf(ordered.subList(0, at));
        List<Message> moved = List.copyOf(moving);
        moveAll(moved, split);
        split.recomputeFrom(moved);
        original.recomputeFrom(staying);
        record(conversationId, ConversationEventType.SPLIT_AWAY, now, agentId, "into #" + split.getId());
        record(split.getId(), ConversationEventType.SPLIT_FROM, now, agentId, "from #" + conversationId);
        publish(original, Change.MESSAGE_ADDED);
        publish(split, Change.CREATED);
        return split.getId();
    }

    /** The customer's other conversations an agent may merge this one into, latest activity first. */
    @Transactional(readOnly = true)
    public List<ConversationSummary> mergeCandidates(long conversationId) {
        Conversation conversation = load(conversationId);
        return conversations.findByCustomerOrderByLastActivityDesc(conversation.getCustomer().getId()).stream()
                .filter(c -> !c.getId().equals(conversation.getId()))
                .map(ConversationSummary::of).toList();
    }

    /*
     * The index holds each message's conversation id, but that field is a read-only copy of the foreign key, so
     * Hibernate does not report it dirty and Hibernate Search would skip the reindexing: ask for it explicitly.
     */
    private void moveAll(List<Message> moving, Conversation target) {
        SearchIndexingPlan index = Search.session(entityManager).indexingPlan();
        for (Message message : moving) {
            message.moveTo(target);
            index.addOrUpdate(message);
        }
        messages.flush();
    }

    private Conversation load(long id) {
        return conversations.findById(id).orElseThrow(() -> new UnknownConversationException(id));
    }

    private void record(long conversationId, ConversationEventType type, Instant at, Long agentId, String detail) {
        events.save(new ConversationEvent(Objects.requireNonNull(conversationId), type, at, agentId, null, detail));
    }

    private void publish(Conversation conversation, Change change) {
        publisher.publishEvent(new ConversationChanged(conversation.getId(), conversation.getCustomer().getId(),
                change));
    }
}
