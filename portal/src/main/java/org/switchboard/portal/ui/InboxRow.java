package org.switchboard.portal.ui;

import org.switchboard.portal.conversation.ConversationSummary;

/** A row of the inbox grid: a conversation, and for search results the matched message and its snippet. */
record InboxRow(ConversationSummary conversation, Long messageId, String snippetHtml) {

    static InboxRow of(ConversationSummary conversation) {
        return new InboxRow(conversation, null, null);
    }

    long id() {
        return conversation.id();
    }
}
