/**
 * The reply assistant: answers routine requests (order status, refund status, policy questions) from the
 * customer's records and the knowledge passages the host retrieved, or hands over to a person with a summary.
 *
 * <p>This package owns the decision (hand-over rules, which record or passage answers, the confidence), the
 * template answers in English and German, the agents' summary, and the optional OpenAI-compatible LLM connector
 * that only rewords an answer already decided. It keeps nothing between requests.
 *
 * <p>Only {@link org.switchboard.plugins.assistant.AssistantPlugin} and
 * {@link org.switchboard.plugins.assistant.GroundedAssistant} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.assistant;
