package org.switchboard.portal.conversation;

import java.util.List;

/** A conversation with its whole history, oldest message first. */
public record ConversationDetail(ConversationSummary summary, List<MessageView> messages) {
}
