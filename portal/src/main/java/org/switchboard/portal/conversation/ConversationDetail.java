package org.switchboard.portal.conversation;

import java.util.List;

/**
 * A conversation with its whole history, oldest message first.
 *
 * @param summary     the conversation
 * @param messages    its messages, oldest first
 * @param attachments the messages' files (without bytes) by message id
 */
public record ConversationDetail(ConversationSummary summary, List<MessageView> messages,
        java.util.Map<Long, List<AttachmentView>> attachments) {

    /** The files of one message. */
    public List<AttachmentView> attachmentsOf(long messageId) {
        return attachments.getOrDefault(messageId, List.of());
    }
}
