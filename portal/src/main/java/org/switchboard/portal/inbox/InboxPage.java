package org.switchboard.portal.inbox;

import java.util.List;
import org.switchboard.portal.conversation.ConversationSummary;

/** One page of an inbox list and where the next one starts ({@code null} on the last page). */
public record InboxPage(List<ConversationSummary> rows, InboxCursor next) {
}
