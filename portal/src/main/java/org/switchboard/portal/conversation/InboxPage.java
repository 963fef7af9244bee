package org.switchboard.portal.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One page of an inbox list and the keyset cursor of the next one.
 *
 * @param rows the conversations
 * @param next where the next page starts, or {@code null} on the last page
 */
public record InboxPage(List<ConversationSummary> rows, Cursor next) {

    /** The position after the last row of a page: its (last activity, id). */
    public record Cursor(Instant lastActivityAt, long id) {
    }
}
