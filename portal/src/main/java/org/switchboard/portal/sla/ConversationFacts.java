package org.switchboard.portal.sla;

import java.time.Instant;
import java.util.List;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/**
 * What the SLA rules need to know about a conversation: its state and the events that start and stop clocks
 * (first response, resolved, reopened), oldest first.
 */
record ConversationFacts(long id, ConversationStatus status, Priority priority, String channelKind,
        Instant createdAt, Instant resolvedAt, Instant slaDueAt, boolean slaBreached, List<Event> events) {

    /** One clock-relevant event. */
    record Event(ConversationEventType type, Instant at) {
    }
}
