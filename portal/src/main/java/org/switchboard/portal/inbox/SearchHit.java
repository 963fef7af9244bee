package org.switchboard.portal.inbox;

import org.switchboard.portal.conversation.ConversationSummary;

/**
 * A conversation found by the inbox search.
 *
 * @param conversation the conversation
 * @param messageId    the best-matching message, to open the conversation at; {@code null} when only the subject or
 *                     the customer's name matched
 * @param snippetHtml  the matched passage, HTML-escaped, with the matched words in {@code <mark>}; {@code null}
 *                     without a matching message
 */
public record SearchHit(ConversationSummary conversation, Long messageId, String snippetHtml) {
}
