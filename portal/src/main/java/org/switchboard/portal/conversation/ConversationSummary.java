package org.switchboard.portal.conversation;

import java.time.Instant;

/** One row of an inbox list. */
public record ConversationSummary(
        long id, long customerId, String customerName, String subject, String preview, ConversationStatus status,
        int unreadCount, String channelAccountId, Instant lastActivityAt, String assigneeName, Long assigneeId) {

    static ConversationSummary of(Conversation c) {
        return new ConversationSummary(c.getId(), c.getCustomer().getId(),
                c.getCustomer().nameOr("Customer #" + c.getCustomer().getId()), c.getSubject(),
                c.getLastMessagePreview(), c.getStatus(), c.getUnreadCount(), c.getLastChannelAccountId(),
                c.getLastActivityAt(), c.getAssignee() == null ? null : c.getAssignee().getDisplayName(),
                c.getAssignee() == null ? null : c.getAssignee().getId());
    }
}
