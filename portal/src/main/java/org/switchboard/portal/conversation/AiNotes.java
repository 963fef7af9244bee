package org.switchboard.portal.conversation;

/**
 * What the assistant left for agents on a conversation.
 *
 * @param summary           the hand-over summary (pinned at the top), or {@code null}
 * @param suggestion        a suggested reply, or {@code null}
 * @param suggestionSources what the suggestion is grounded in, or {@code null}
 */
public record AiNotes(String summary, String suggestion, String suggestionSources) {
}
