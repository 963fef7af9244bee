package org.switchboard.portal.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.conversation.ConversationChanged.Change;

/**
 * The agent workspace's writes beside replies: labels, priority, snooze, team transfer, and the facts other
 * packages keep on a conversation (SLA due times, their events). Each write records its conversation event, which
 * the dashboards and automation rules read, and announces the change to live views after commit.
 *
 * <p>Writes that an agent makes go through the version check (a concurrent change makes them fail and the caller
 * retries with {@link ConflictRetry}); facts computed by the portal itself use targeted updates that never collide.
 */
@Service
public class ConversationWorkflow {

    /** Labels are short lower-case words, as in Chatwoot: letters, digits, '-', '_' and ':' (e.g. "vip", "billing:refund"). */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_:-]{0,63}");

    private final ConversationRepository conversations;
    private final ConversationEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    ConversationWorkflow(ConversationRepository conversations, ConversationEventRepository events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.conversations = conversations;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A label as stored: trimmed, lower case, spaces as '-'.
     *
     * @throws ConversationOperationException if it is empty, too long or has other characters
     */
    public static String normalizeLabel(String raw) {
        String label = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (!LABEL.matcher(label).matches()) {
            throw new ConversationOperationException("A label is 1–64 letters, digits, '-', '_' or ':' (got \""
                    + (raw == null ? "" : raw.strip()) + "\").");
        }
        return label;
    }

    /** Adds and removes labels; records LABELS_CHANGED with what changed. Returns whether anything changed. */
    @Transactional
    public boolean changeLabels(long conversationId, Set<String> add, Set<String> remove, Long agentId) {
        Conversation conversation = find(conversationId);
        Set<String> before = conversation.getLabels();
        Set<String> after = new TreeSet<>(before);
        add.stream().map(ConversationWorkflow::normalizeLabel).forEach(after::add);
        remove.stream().map(ConversationWorkflow::normalizeLabel).forEach(after::remove);
        if (!conversation.replaceLabels(after)) {
            return false;
        }
        Set<String> detail = new LinkedHashSet<>();
        after.stream().filter(l -> !before.contains(l)).forEach(l -> detail.add("+" + l));
        before.stream().filter(l -> !after.contains(l)).forEach(l -> detail.add("-" + l));
        record(conversationId, ConversationEventType.LABELS_CHANGED, agentId, String.join(" ", detail));
        publish(conversation);
        return true;
    }

    /** Sets the priority; records PRIORITY_CHANGED. */
    @Transactional
    public void changePriority(long conversationId, Priority priority, Long agentId) {
        Conversation conversation = find(conversationId);
        Priority previous = conversation.getPriority();
        if (previous == Objects.requireNonNull(priority)) {
            return;
        }
        conversation.changePriority(priority);
        record(conversationId, ConversationEventType.PRIORITY_CHANGED, agentId, previous + " -> " + priority);
        publish(conversation);
    }

    /**
     * Snoozes until {@code until}, or until the customer writes when {@code until} is null.
     *
     * @throws ConversationOperationException if the time is not in the future, or the conversation is resolved
     */
    @Transactional
    public void snooze(long conversationId, Instant until, Long agentId) {
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new ConversationOperationException("Snooze until a time in the future.");
        }
        Conversation conversation = find(conversationId);
        if (conversation.getStatus() == ConversationStatus.RESOLVED) {
            throw new ConversationOperationException("A resolved conversation cannot be snoozed; reopen it first.");
        }
        conversation.snooze(until, now);
        record(conversationId, ConversationEventType.SNOOZED, agentId,
                until == null ? "until the customer replies" : "until " + until);
        publish(conversation);
    }

    /** Wakes snoozed conversations whose time has come (called by a scheduler); returns how many woke. */
    @Transactional
    public int wakeDueSnoozes(int max) {
        Instant now = clock.instant();
        List<Long> due = conversations.findSnoozedDue(now, Limit.of(max));
        for (Long id : due) {
            Conversation conversation = find(id);
            conversation.changeStatus(ConversationStatus.OPEN, now);
            record(id, ConversationEventType.STATUS_CHANGED, null, "SNOOZED -> OPEN: snooze time reached");
            publish(conversation);
        }
        return due.size();
    }

    /**
     * Moves the conversation to a team (or none), optionally with a note for the receiving team; records
     * TEAM_CHANGED. Assigning an agent is {@link ConversationStore#assign}.
     */
    @Transactional
    public void transferToTeam(long conversationId, Long teamId, String note, Long agentId) {
        Conversation conversation = find(conversationId);
        Long previous = conversation.getTeam() == null ? null : conversation.getTeam().getId();
        if (Objects.equals(previous, teamId)) {
            return;
        }
        conversation.route(teamId == null ? null : entityManager.getReference(Team.class, teamId));
        String detail = (teamId == null ? "no team" : "team #" + teamId)
                + (note == null || note.isBlank() ? "" : ": " + note.strip());
        record(conversationId, ConversationEventType.TEAM_CHANGED, agentId, detail);
        publish(conversation);
    }

    /** Stores the SLA package's verdict for the inbox (no version bump, no event: the SLA package records those). */
    @Transactional
    public void updateSla(long conversationId, Instant dueAt, boolean breached) {
        if (conversations.setSla(conversationId, dueAt, breached) > 0) {
            conversations.findCustomerIdById(conversationId).ifPresent(customerId -> publisher.publishEvent(
                    new ConversationChanged(conversationId, customerId, Change.STATUS)));
        }
    }

    /**
     * Records an event that another package decided (an SLA warning or breach, a note's mentions). Joins the
     * caller's transaction when there is one.
     */
    @Transactional
    public void recordEvent(long conversationId, ConversationEventType type, Long agentId, String detail) {
        find(conversationId);
        record(conversationId, type, agentId, detail);
        publisher.publishEvent(new ConversationEventRecorded(conversationId, type, detail));
    }

    private Conversation find(long conversationId) {
        return conversations.findById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
    }

    private void record(long conversationId, ConversationEventType type, Long agentId, String detail) {
        events.save(new ConversationEvent(conversationId, type, clock.instant(), agentId, null,
                detail == null ? null : Conversation.clip(detail, 1000)));
    }

    private void publish(Conversation conversation) {
        publisher.publishEvent(
                new ConversationChanged(conversation.getId(), conversation.getCustomer().getId(), Change.STATUS));
    }
}
