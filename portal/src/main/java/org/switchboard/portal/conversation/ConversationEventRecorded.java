package org.switchboard.portal.conversation;

/**
 * Published when another package records a decided event on a conversation through
 * {@link ConversationWorkflow#recordEvent} (an SLA warning or breach, a note's mentions), so rules can react
 * after commit.
 *
 * @param conversationId the conversation
 * @param type           what happened
 * @param detail         the event's detail, or {@code null}
 */
public record ConversationEventRecorded(long conversationId, ConversationEventType type, String detail) {
}
