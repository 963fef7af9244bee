package org.switchboard.plugin.api.channel;

import java.util.List;

/**
 * Read-only access to the messages one identity exchanged on this connection's account, so a channel whose client
 * shows history (web chat) can serve it from the store instead of keeping a copy.
 *
 * <p>Only messages that went through this account with this identity are returned, never other channels' or
 * other customers' messages, and never private notes.
 *
 * @since 0.1.0
 */
public interface MessageHistory {

    /** The latest {@code limit} messages with the given identity on this account, oldest first. */
    List<HistoryEntry> recent(Identity identity, int limit);
}
