package org.switchboard.portal.conversation;

import java.time.Instant;
import java.util.List;

/** One row of an inbox list. */
public record ConversationSummary(
        long id, long customerId, String customerName, String subject, String preview, ConversationStatus status,
        int unreadCount, String channelAccountId, Instant lastActivityAt, String assigneeName, Long assigneeId,
        Priority priority, List<String> labels, Long teamId, String teamName, String intent, String sentiment,
        Instant waitingSince, Instant slaDueAt, boolean slaBreached, Instant snoozedUntil) {

    static ConversationSummary of(Conversation c) {
        return new ConversationSummary(c.getId(), c.getCustomer().getId(),
                c.getCustomer().nameOr("Customer #" + c.getCustomer().getId()), c.getSubject(),
                c.getLastMessagePreview(), c.getStatus(), c.getUnreadCount(), c.getLastChannelAccountId(),
                c.getLastActivityAt(), c.getAssignee() == null ? null : c.getAssignee().getDisplayName(),
                c.getAssignee() == null ? null : c.getAssignee().getId(), c.getPriority(),
                c.getLabels().stream().sorted().toList(), c.getTeam() == null ? null : c.getTeam().getId(),
                c.getTeam() == null ? null : c.getTeam().getName(), c.getIntent(), c.getSentiment(),
                c.getWaitingSince(), c.getSlaDueAt(), c.isSlaBreached(), c.getSnoozedUntil());
    }
}
