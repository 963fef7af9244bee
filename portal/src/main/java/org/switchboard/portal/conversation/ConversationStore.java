package org.switchboard.portal.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.portal.conversation.ConversationChanged.Change;
import org.switchboard.portal.customer.NormalizedIdentity;
import org.switchboard.portal.customer.ResolvedCustomer;

/**
 * Writes to conversations: inbound and outbound messages, delivery status, status changes. Every write also appends
 * the conversation events that metrics are computed from and announces the change (after commit) to live views.
 *
 * <p>Methods join the caller's transaction, so a message, its events and (for replies) its outbox row commit or
 * roll back together.
 */
@Service
public class ConversationStore {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationEventRepository events;
    private final ConversationThreader threader;
    private final MessageAttachmentRepository attachments;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    private final HeldConversationWrites heldWrites;

    ConversationStore(ConversationRepository conversations, MessageRepository messages,
            ConversationEventRepository events, ConversationThreader threader,
            MessageAttachmentRepository attachments, ApplicationEventPublisher publisher, Clock clock,
            HeldConversationWrites heldWrites) {
        this.heldWrites = heldWrites;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.threader = threader;
        this.attachments = attachments;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Whether a message with this provider id was already stored for the account. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean isStored(String accountId, String externalId) {
        return messages.existsByChannelAccountIdAndExternalId(accountId, externalId);
    }

    /**
     * Of these provider ids, those already stored for the account (one query, for deduplicating a batch). Call it
     * before writing anything in the transaction: it does not flush.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Set<String> storedExternalIds(String accountId, Collection<String> externalIds) {
        return externalIds.isEmpty() ? Set.of()
                : new HashSet<>(messages.findStoredExternalIds(accountId, externalIds));
    }

    /**
     * Looks up, in one query, the latest unresolved conversation of each of these customers, for threading a batch
     * of their messages in the same transaction ({@link #appendInbound(String, ResolvedCustomer, InboundMessage,
     * ActiveConversations)}). The rows are locked until commit. Call it before writing anything in the transaction:
     * it does not flush.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public ActiveConversations activeConversationsOf(Collection<Long> customerIds) {
        ActiveConversations known = new ActiveConversations();
        if (customerIds.isEmpty()) {
            return known;
        }
        Map<Long, Conversation> latest = new HashMap<>();
        for (Conversation conversation : conversations.lockActiveByCustomers(customerIds)) {
            latest.putIfAbsent(conversation.getCustomer().getId(), conversation);
            known.hold(conversation);
        }
        customerIds.forEach(id -> known.found(id, latest.get(id)));
        return known;
    }

    /**
     * Flushes an ingest transaction's writes, the conversations it holds ({@code known}: locked by
     * {@link #activeConversationsOf}, or created) updated in one JDBC batch. Call it after the last
     * {@link #appendInbound(String, ResolvedCustomer, InboundMessage, ActiveConversations)} of the transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void flushIngest(ActiveConversations known) {
        heldWrites.flush(known.held());
    }

    /** Stores a customer's message in the conversation threading picks. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Message appendInbound(String accountId, ResolvedCustomer from, InboundMessage inbound) {
        return appendInbound(accountId, from, inbound, new ActiveConversations());
    }

    /**
     * As {@link #appendInbound(String, ResolvedCustomer, InboundMessage)}, threading with what {@code known} holds
     * for the customer and keeping it current (the conversation written to is the customer's latest).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Message appendInbound(String accountId, ResolvedCustomer from, InboundMessage inbound,
            ActiveConversations known) {
        Instant now = clock.instant();
        if (from.created()) {
            known.found(from.customer().getId(), null);
        }
        var threading = threader.thread(from.customer(), accountId, inbound.threading(), now, known);
        Conversation conversation = threading.conversation();
        String previousChannel = conversation.getLastChannelAccountId();
        // A customer's message brings a snoozed or pending conversation back to the agents (as in Chatwoot).
        ConversationStatus waiting = conversation.getStatus();
        if (waiting == ConversationStatus.SNOOZED || waiting == ConversationStatus.PENDING) {
            conversation.changeStatus(ConversationStatus.OPEN, now);
            record(conversation.getId(), ConversationEventType.STATUS_CHANGED, now, null, accountId,
                    waiting + " -> OPEN: the customer wrote");
        }

        Message message = messages.save(Message.inbound(conversation, accountId, from.sender(),
                from.customer().nameOr(inbound.senderName()), inbound.externalId(), inbound.text(),
                HtmlSanitizer.sanitize(inbound.html()), inbound.sentAt(), now));
        conversation.noteMessage(message);
        inbound.attachments().forEach(a -> attachments.save(new MessageAttachment(message.getId(), a)));
        publisher.publishEvent(new CustomerMessageStored(conversation.getId(), message.getId(), accountId));

        Long id = conversation.getId();
        if (threading.created()) {
            known.hold(conversation);
            record(id, ConversationEventType.CREATED, now, null, accountId, null);
        }
        if (threading.reopened()) {
            record(id, ConversationEventType.REOPENED, now, null, accountId, "customer wrote again");
        }
        if (!threading.created() && previousChannel != null && !previousChannel.equals(accountId)) {
            record(id, ConversationEventType.CHANNEL_SWITCHED, now, null, accountId, "from " + previousChannel);
        }
        publish(conversation, threading.created() ? Change.CREATED : Change.MESSAGE_ADDED);
        known.found(from.customer().getId(), conversation);
        return message;
    }

    /**
     * Stores a reply queued for delivery to {@code to} over {@code accountId}; the caller adds the outbox row in the
     * same transaction.
     *
     * @param templateJson the template use when sent as a template, else {@code null}
     * @param botDecision  for the assistant's own answers, what it decided (model, confidence, sources), recorded
     *                     on the BOT_REPLY event; {@code null} for humans. A bot reply never counts as a human's
     *                     first response.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Message appendOutbound(long conversationId, String accountId, NormalizedIdentity to, Long agentId,
            String authorName, String text, String templateJson, String botDecision) {
        boolean bot = botDecision != null;
        Instant now = clock.instant();
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        Message message = messages.save(
                Message.outbound(conversation, accountId, to, agentId, authorName, text, now));
        if (templateJson != null) {
            message.useTemplate(templateJson);
        }
        conversation.noteMessage(message);
        conversation.markRead();
        if (!bot && agentId != null && !events.existsByConversationIdAndType(conversationId,
                ConversationEventType.FIRST_RESPONSE)) {
            record(conversationId, ConversationEventType.FIRST_RESPONSE, now, agentId, accountId, null);
        }
        record(conversationId, bot ? ConversationEventType.BOT_REPLY : ConversationEventType.AGENT_REPLY, now,
                agentId, accountId, botDecision);
        publish(conversation, Change.MESSAGE_ADDED);
        return message;
    }

    /**
     * Stores an automatic message the portal sends on its own (a satisfaction survey), queued for delivery like a
     * reply; the caller adds the outbox row in the same transaction. It records {@code type} (e.g. CSAT_SENT), never
     * AGENT_REPLY, BOT_REPLY or FIRST_RESPONSE, so response and bot metrics stay untouched, and it leaves the
     * conversation's status alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Message appendAutomatic(long conversationId, String accountId, NormalizedIdentity to, String authorName,
            String text, ConversationEventType type, String detail) {
        Instant now = clock.instant();
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        Message message = messages.save(Message.outbound(conversation, accountId, to, null, authorName, text, now));
        conversation.noteMessage(message);
        record(conversationId, type, now, null, accountId, detail);
        publish(conversation, Change.MESSAGE_ADDED);
        return message;
    }

    /**
     * Stores a customer's answer to a satisfaction survey in the resolved conversation it rates, which stays
     * resolved: no REOPENED, not unread, not waiting for an answer, and not handed to the AI pipeline (the CSAT
     * package records CSAT_RATED).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Message appendRating(long conversationId, String accountId, ResolvedCustomer from, InboundMessage inbound) {
        Instant now = clock.instant();
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        Message message = messages.save(Message.inbound(conversation, accountId, from.sender(),
                from.customer().nameOr(inbound.senderName()), inbound.externalId(), inbound.text(),
                HtmlSanitizer.sanitize(inbound.html()), inbound.sentAt(), now));
        conversation.noteMessageNeedingNoAnswer(message);
        inbound.attachments().forEach(a -> attachments.save(new MessageAttachment(message.getId(), a)));
        publish(conversation, Change.MESSAGE_ADDED);
        return message;
    }

    /** Applies a provider's status update to the outbound message it names; stale updates are ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean applyStatus(String accountId, StatusUpdate update) {
        Optional<Message> found = messages.findByChannelAccountIdAndExternalId(accountId,
                update.externalMessageId());
        if (found.isEmpty() || found.get().getDirection() != MessageDirection.OUT) {
            return false;
        }
        Message message = found.get();
        boolean changed = message.applyStatus(update.status(), update.reason(), update.at());
        if (changed) {
            if (update.status() == DeliveryStatus.FAILED) {
                record(message.getConversationId(), ConversationEventType.DELIVERY_FAILED, clock.instant(), null,
                        accountId, update.reason());
            }
            publish(message.getConversation(), Change.MESSAGE_STATUS);
        }
        return changed;
    }

    /** Records the dispatcher's outcome for an outbound message. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markSent(long messageId, String externalId) {
        Message message = messages.findById(messageId).orElseThrow();
        message.markSent(externalId, clock.instant());
        publish(message.getConversation(), Change.MESSAGE_STATUS);
    }

    /** Records that delivery was given up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markFailed(long messageId, String reason) {
        Message message = messages.findById(messageId).orElseThrow();
        if (message.applyStatus(DeliveryStatus.FAILED, reason, clock.instant())) {
            record(message.getConversationId(), ConversationEventType.DELIVERY_FAILED, clock.instant(), null,
                    message.getChannelAccountId(), reason);
            publish(message.getConversation(), Change.MESSAGE_STATUS);
        }
    }

    /** Changes a conversation's status (resolve, reopen, pend, snooze). */
    @Transactional
    public void changeStatus(long conversationId, ConversationStatus status, Long agentId) {
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        if (conversation.getStatus() == status) {
            return;
        }
        Instant now = clock.instant();
        ConversationStatus previous = conversation.getStatus();
        conversation.changeStatus(status, now);
        ConversationEventType type = status == ConversationStatus.RESOLVED ? ConversationEventType.RESOLVED
                : previous == ConversationStatus.RESOLVED ? ConversationEventType.REOPENED
                : ConversationEventType.STATUS_CHANGED;
        record(conversationId, type, now, agentId, null, previous + " -> " + status);
        publish(conversation, Change.STATUS);
    }

    /**
     * Assigns a conversation to an agent, or unassigns it ({@code agentId} null); recorded as ASSIGNED.
     *
     * @throws UnknownConversationException if there is no such conversation
     */
    @Transactional
    public void assign(long conversationId, Long agentId, Long byAgentId) {
        assign(conversationId, agentId, byAgentId, null);
    }

    /**
     * As {@link #assign(long, Long, Long)}, with why the portal itself did it (e.g. "automatic, round robin",
     * "agent went offline"), appended to the ASSIGNED event's detail.
     */
    @Transactional
    public void assign(long conversationId, Long agentId, Long byAgentId, String reason) {
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        org.switchboard.portal.agent.Agent agent = agentId == null ? null
                : entityManager.getReference(org.switchboard.portal.agent.Agent.class, agentId);
        conversation.assign(agent);
        record(conversationId, ConversationEventType.ASSIGNED, clock.instant(), byAgentId, null,
                (agentId == null ? "unassigned" : "agent #" + agentId) + (reason == null ? "" : ": " + reason));
        publish(conversation, Change.STATUS);
    }

    /** Clears the unread marker when an agent opens the conversation. */
    @Transactional
    public void markRead(long conversationId) {
        if (conversations.clearUnread(conversationId) > 0) {
            conversations.findCustomerIdById(conversationId).ifPresent(customerId -> publisher.publishEvent(
                    new ConversationChanged(conversationId, customerId, Change.STATUS)));
        }
    }

    private void record(Long conversationId, ConversationEventType type, Instant at, Long agentId, String accountId,
            String detail) {
        events.save(new ConversationEvent(Objects.requireNonNull(conversationId), type, at, agentId, accountId,
                detail));
    }

    private void publish(Conversation conversation, Change change) {
        publisher.publishEvent(
                new ConversationChanged(conversation.getId(), conversation.getCustomer().getId(), change));
    }
}
