package org.switchboard.portal.inbox;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/**
 * What an inbox list shows: a scope, filters (an empty set means "any") and an order. Saved views store these as
 * JSON, so fields are only ever added, with a default meaning "no filter".
 *
 * @param scope             whose conversations
 * @param statuses          which statuses; empty = any
 * @param channelAccountIds the channel the customer last used; empty = any
 * @param assigneeId        one agent's, or {@code null} for anyone's
 * @param teamId            one team's, or {@code null}
 * @param labels            having at least one of these labels; empty = any
 * @param priorities        empty = any
 * @param intents           the latest classified intent; empty = any
 * @param sentiments        the latest classified sentiment; empty = any
 * @param sla               an SLA state, or {@code null}
 * @param waitingAtLeast    the customer has waited at least this long for an answer, or {@code null}
 * @param sort              the order
 */
public record InboxCriteria(InboxScope scope, Set<ConversationStatus> statuses, Set<String> channelAccountIds,
        Long assigneeId, Long teamId, Set<String> labels, Set<Priority> priorities, Set<String> intents,
        Set<String> sentiments, SlaFilter sla, Duration waitingAtLeast, InboxSort sort) {

    /** Open, pending and snoozed: what is still to do. */
    public static final Set<ConversationStatus> ACTIVE = EnumSet.of(ConversationStatus.OPEN,
            ConversationStatus.PENDING, ConversationStatus.SNOOZED);

    /** No filter at all: every conversation, any status. */
    public static final InboxCriteria ANYTHING = new InboxCriteria(InboxScope.ALL, null, null, null, null, null,
            null, null, null, null, null, null);

    public InboxCriteria {
        scope = scope == null ? InboxScope.ALL : scope;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        channelAccountIds = channelAccountIds == null ? Set.of() : Set.copyOf(channelAccountIds);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        intents = intents == null ? Set.of() : Set.copyOf(intents);
        sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
        sort = sort == null ? InboxSort.LAST_ACTIVITY : sort;
        if (waitingAtLeast != null && waitingAtLeast.isNegative()) {
            throw new IllegalArgumentException("waiting time must not be negative");
        }
    }

    /** A scope's default list: the active conversations, latest activity first. */
    public static InboxCriteria of(InboxScope scope) {
        return new InboxCriteria(scope, ACTIVE, null, null, null, null, null, null, null, null, null, null);
    }

    public InboxCriteria withScope(InboxScope newScope) {
        return new InboxCriteria(newScope, statuses, channelAccountIds, assigneeId, teamId, labels, priorities,
                intents, sentiments, sla, waitingAtLeast, sort);
    }

    public InboxCriteria withStatuses(Set<ConversationStatus> newStatuses) {
        return new InboxCriteria(scope, newStatuses, channelAccountIds, assigneeId, teamId, labels, priorities,
                intents, sentiments, sla, waitingAtLeast, sort);
    }

    public InboxCriteria withSort(InboxSort newSort) {
        return new InboxCriteria(scope, statuses, channelAccountIds, assigneeId, teamId, labels, priorities,
                intents, sentiments, sla, waitingAtLeast, newSort);
    }

    /** The filters that narrow the scope, for labels like "2 filters". */
    public int filterCount() {
        return List.of(!channelAccountIds.isEmpty(), assigneeId != null, teamId != null, !labels.isEmpty(),
                !priorities.isEmpty(), !intents.isEmpty(), !sentiments.isEmpty(), sla != null,
                waitingAtLeast != null).stream().mapToInt(b -> b ? 1 : 0).sum();
    }
}
