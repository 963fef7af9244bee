package org.switchboard.portal.collaboration;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.MessageView;

/**
 * Agents' notifications (mentions, and what automation rules tell them): created with the note or rule run that
 * causes them, counted and listed for the bell, marked read when opened. Subscribed bells hear about changes once
 * they are committed.
 */
@Service
public class AgentNotifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentNotifications.class);
    private static final int PREVIEW_LENGTH = 140;

    private final AgentNotificationRepository notifications;
    private final ConversationQueries queries;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Map<Long, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();

    AgentNotifications(AgentNotificationRepository notifications, ConversationQueries queries,
            ApplicationEventPublisher publisher, Clock clock) {
        this.notifications = notifications;
        this.queries = queries;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Notifies each agent that a note mentions them, in the note's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void mentioned(Collection<Long> agentIds, long conversationId, long messageId, long actorAgentId) {
        if (agentIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        agentIds.forEach(agentId -> notifications.save(new AgentNotification(agentId, NotificationKind.MENTION,
                conversationId, messageId, actorAgentId, now)));
        publisher.publishEvent(new NotificationsChanged(Set.copyOf(agentIds)));
    }

    /**
     * Notifies each agent on behalf of an automation rule (its name and message are shown in the bell). Joins the
     * caller's transaction when there is one; the bells hear about it after commit.
     */
    @Transactional
    public void notifyByRule(Collection<Long> agentIds, long conversationId, String ruleName, String message) {
        if (agentIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String title = clip(ruleName, 200);
        String body = clip(message, 1000);
        agentIds.forEach(agentId -> notifications.save(new AgentNotification(agentId, NotificationKind.RULE,
                conversationId, title, body, now)));
        publisher.publishEvent(new NotificationsChanged(Set.copyOf(agentIds)));
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** How many notifications the agent has not opened. */
    @Transactional(readOnly = true)
    public long unreadCount(long agentId) {
        return notifications.countByAgentIdAndReadAtIsNull(agentId);
    }

    /** The agent's latest notifications, newest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> latest(long agentId, int limit) {
        List<AgentNotification> rows = notifications.findByAgentIdOrderByCreatedAtDescIdDesc(agentId,
                Limit.of(limit));
        Map<Long, Optional<MessageView>> notes = rows.stream().map(AgentNotification::getMessageId)
                .filter(java.util.Objects::nonNull).distinct()
                .collect(Collectors.toMap(Function.identity(), queries::message));
        List<Long> conversationIds = rows.stream().map(n -> conversationOf(n, notes)).distinct().toList();
        Map<Long, ConversationSummary> conversations = queries.summaries(conversationIds).stream()
                .collect(Collectors.toMap(ConversationSummary::id, Function.identity()));
        return rows.stream().map(n -> {
            Optional<MessageView> note = n.getMessageId() == null ? Optional.empty() : notes.get(n.getMessageId());
            long conversationId = conversationOf(n, notes);
            ConversationSummary conversation = conversations.get(conversationId);
            String text = (n.getBody() != null ? n.getBody() : note.map(MessageView::text).orElse("")).strip()
                    .replaceAll("\\s+", " ");
            return new NotificationView(n.getId(), n.getKind(), conversationId,
                    n.getTitle() != null ? n.getTitle() : note.map(MessageView::authorName).orElse(null),
                    conversation == null ? "conversation #" + conversationId : conversation.customerName(),
                    text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH - 1) + "…" : text,
                    n.getCreatedAt(), n.getReadAt() != null);
        }).toList();
    }

    /**
     * Opens a notification: marks it read and says which conversation to show (where the note is now).
     *
     * @return the conversation, empty when the notification is not the agent's
     */
    @Transactional
    public Optional<Long> open(long notificationId, long agentId) {
        Optional<AgentNotification> found = notifications.findById(notificationId)
                .filter(n -> n.getAgentId() == agentId);
        found.ifPresent(n -> {
            if (n.getReadAt() == null) {
                n.markRead(clock.instant());
                publisher.publishEvent(new NotificationsChanged(Set.of(agentId)));
            }
        });
        return found.map(n -> n.getMessageId() == null ? n.getConversationId()
                : queries.message(n.getMessageId()).map(MessageView::conversationId).orElse(n.getConversationId()));
    }

    /** Marks the agent's notifications about a conversation read (they opened it); returns how many. */
    @Transactional
    public int markReadFor(long agentId, long conversationId) {
        int changed = notifications.markReadForConversation(agentId, conversationId, clock.instant());
        if (changed > 0) {
            publisher.publishEvent(new NotificationsChanged(Set.of(agentId)));
        }
        return changed;
    }

    /** Marks all the agent's notifications read; returns how many. */
    @Transactional
    public int markAllRead(long agentId) {
        int changed = notifications.markAllRead(agentId, clock.instant());
        if (changed > 0) {
            publisher.publishEvent(new NotificationsChanged(Set.of(agentId)));
        }
        return changed;
    }

    /** Calls {@code onChange} (on another thread) whenever the agent's notifications changed; run the handle to stop. */
    public Runnable subscribe(long agentId, Runnable onChange) {
        subscribers.computeIfAbsent(agentId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> subscribers.computeIfPresent(agentId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChanged(NotificationsChanged change) {
        for (Long agentId : change.agentIds()) {
            for (Runnable subscriber : subscribers.getOrDefault(agentId, Set.of())) {
                fanOut.execute(() -> {
                    try {
                        subscriber.run();
                    } catch (RuntimeException e) {
                        log.debug("Notification subscriber failed", e);
                    }
                });
            }
        }
    }

    private static long conversationOf(AgentNotification n, Map<Long, Optional<MessageView>> notes) {
        return n.getMessageId() == null ? n.getConversationId() : notes.getOrDefault(n.getMessageId(),
                Optional.empty()).map(MessageView::conversationId).orElse(n.getConversationId());
    }

    @Override
    public void destroy() {
        fanOut.shutdownNow();
    }
}
