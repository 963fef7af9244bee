package org.switchboard.portal.inbox;

import java.time.Instant;

/**
 * Where the next page starts: the last row's sort key and id. Keyset pagination, so a deep page is read from the
 * index position on instead of skipping all rows before it.
 */
public record InboxCursor(Instant key, long id) {
}
