package org.switchboard.portal.conversation;

/**
 * A customer's message was stored (published inside the storing transaction; listen after commit). The AI
 * pipeline classifies and answers from it without making ingestion wait.
 *
 * @param conversationId its conversation
 * @param messageId      the message
 * @param accountId      the channel account it came on
 */
public record CustomerMessageStored(long conversationId, long messageId, String accountId) {
}
