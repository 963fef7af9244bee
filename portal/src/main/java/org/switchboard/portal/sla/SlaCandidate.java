package org.switchboard.portal.sla;

import org.switchboard.portal.conversation.Priority;

/**
 * Enough of a conversation to tell whether its SLA needs evaluating: what chooses its policy, and whether a target
 * of an earlier policy still runs on it.
 *
 * @param running a target runs or was breached (the conversation carries a due time or the breached flag)
 */
record SlaCandidate(long id, Priority priority, String channelKind, boolean running) {
}
