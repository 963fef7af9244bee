package org.switchboard.portal.conversation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.customer.NormalizedIdentity;

/** Reads conversations for the agent UI and for plugins; never writes. */
@Service
@Transactional(readOnly = true)
public class ConversationQueries {

    private final ConversationRepository conversations;
    private final MessageRepository messages;

    private final MessageAttachmentRepository attachments;

    private final ConversationEventRepository events;

    ConversationQueries(ConversationRepository conversations, MessageRepository messages,
            MessageAttachmentRepository attachments, ConversationEventRepository events) {
        this.events = events;
        this.conversations = conversations;
        this.messages = messages;
        this.attachments = attachments;
    }

    /** The summaries of the given conversations, latest activity first. */
    public List<ConversationSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Conversation> byId = conversations.findWithCustomerByIdIn(ids).stream()
                .collect(Collectors.toMap(Conversation::getId, Function.identity()));
        return byId.values().stream()
                .sorted(Comparator.comparing(Conversation::getLastActivityAt).reversed())
                .map(ConversationSummary::of)
                .toList();
    }

    /** The conversations of these customers (a merged customer's are now those of the one it was merged into). */
    public List<Long> idsOfCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> owners = new java.util.LinkedHashSet<>(customerIds);
        owners.addAll(conversations.findMergedIntoIds(customerIds));
        return conversations.findIdsByCustomerIds(owners);
    }

    /** The summaries of the given conversations in the given order (missing ones are left out). */
    public List<ConversationSummary> summariesInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Conversation> byId = conversations.findWithCustomerByIdIn(ids).stream()
                .collect(Collectors.toMap(Conversation::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(ConversationSummary::of).toList();
    }

    /** A conversation with all its messages. */
    public Optional<ConversationDetail> detail(long conversationId) {
        return conversations.findWithCustomer(conversationId).map(c -> {
            List<MessageView> history = messages.findByConversation(conversationId).stream().map(MessageView::of)
                    .toList();
            Map<Long, List<AttachmentView>> files = history.isEmpty() ? Map.of()
                    : attachments.findViewsByMessageIds(history.stream().map(MessageView::id).toList()).stream()
                            .collect(Collectors.groupingBy(AttachmentView::messageId));
            return new ConversationDetail(ConversationSummary.of(c), history, files);
        });
    }

    /** A file with its bytes, for download. */
    public Optional<AttachmentContent> attachment(long attachmentId) {
        return attachments.findById(attachmentId).map(a -> new AttachmentContent(a.getFileName(),
                a.getContentType(), a.getContent()));
    }

    /** One message. */
    public Optional<MessageView> message(long messageId) {
        return messages.findById(messageId).map(MessageView::of);
    }

    /** Where a reply goes by default: the channel and identity of the customer's latest message. */
    public Optional<ReplyTarget> defaultReplyTarget(long conversationId) {
        return messages.findLatestInbound(conversationId, Limit.of(1)).stream().findFirst()
                .map(m -> new ReplyTarget(m.getChannelAccountId(), m.getIdentity()));
    }

    /** The latest messages exchanged with one identity on one account, oldest first. */
    public List<MessageView> recentWithIdentity(String accountId, NormalizedIdentity identity, int limit) {
        List<MessageView> latest = messages.findLatestWithIdentity(accountId, identity.kind(), identity.value(),
                Limit.of(limit)).stream().map(MessageView::of).toList();
        return latest.reversed();
    }

    /** The thread a reply on {@code accountId} continues: subject, the customer's last message, earlier ids. */
    public ReplyThread replyThread(long conversationId, String accountId) {
        String subject = conversations.findById(conversationId).map(Conversation::getSubject).orElse(null);
        String inReplyTo = messages.findLatestInboundIdOn(conversationId, accountId, Limit.of(1)).stream()
                .findFirst().orElse(null);
        List<String> references = messages.findThreadIds(conversationId, accountId, Limit.of(10)).reversed();
        return new ReplyThread(subject, inReplyTo, references);
    }

    /** When the identity last wrote to the account, if ever. */
    public Optional<java.time.Instant> lastInboundAt(String accountId, NormalizedIdentity identity) {
        return Optional.ofNullable(messages.findLastInboundAt(accountId, identity.kind(), identity.value()));
    }

    /**
     * One page of a customer's timeline: messages of every conversation on every channel, newest first, keyset
     * paged (pass the last message of the previous page, or {@code null} for the first page).
     */
    public List<MessageView> timeline(long customerId, MessageView after, int size) {
        List<Message> page = after == null ? messages.findTimelineFirstPage(customerId, Limit.of(size))
                : messages.findTimelinePageAfter(customerId, after.createdAt(), after.id(), Limit.of(size));
        return page.stream().map(MessageView::of).toList();
    }

    /** A customer's conversations, latest activity first. */
    public List<ConversationSummary> conversationsOf(long customerId) {
        return conversations.findByCustomerOrderByLastActivityDesc(customerId).stream().map(ConversationSummary::of)
                .toList();
    }

    /** When the conversation was resolved, if it is resolved now. */
    public Optional<java.time.Instant> resolvedAt(long conversationId) {
        return conversations.findById(conversationId).filter(c -> c.getStatus() == ConversationStatus.RESOLVED)
                .map(Conversation::getResolvedAt);
    }

    /** The assistant's summary and suggestion for a conversation. */
    public AiNotes aiNotes(long conversationId) {
        return conversations.findById(conversationId).map(c -> new AiNotes(c.getAiSummary(), c.getAiSuggestion(),
                c.getAiSuggestionSources())).orElse(new AiNotes(null, null, null));
    }

    /** The customer's latest sentiment labels (newest first), e.g. "negative 0.91", from the classifiers' events. */
    public List<String> sentimentTrend(long customerId, int limit) {
        return events.findSentimentOfCustomer(customerId, Limit.of(limit)).stream()
                .map(e -> e.getDetail().substring("sentiment:".length()).split(" \\(")[0]).toList();
    }
}
