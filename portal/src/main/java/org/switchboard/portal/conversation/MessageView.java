package org.switchboard.portal.conversation;

import java.time.Instant;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.portal.customer.NormalizedIdentity;

/** A message as the agent UI shows it. */
public record MessageView(
        long id, long conversationId, MessageDirection direction, String channelAccountId, NormalizedIdentity identity,
        String authorName, String text, String html, DeliveryStatus deliveryStatus, String failureReason,
        Instant createdAt, String templateJson, Long authorAgentId) {

    static MessageView of(Message m) {
        return new MessageView(m.getId(), m.getConversationId(), m.getDirection(), m.getChannelAccountId(),
                m.getIdentity(), m.getAuthorName(), m.getText(), m.getHtml(), m.getDeliveryStatus(),
                m.getFailureReason(), m.getCreatedAt(), m.getTemplateJson(), m.getAuthorAgentId());
    }
}
