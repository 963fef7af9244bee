/**
 * Customer satisfaction (CSAT): per channel account settings, the survey sent after a resolution (on the channel
 * the customer used last, after a delay, at most once per resolution and not twice to one customer within a
 * number of days), ratings read from replies (digits, words, emoji), from a signed rating page and from the
 * web-chat widget's stars, and the read side for the conversation view, the customer 360 and dashboards.
 *
 * <p>The package writes to conversations only through the conversation package's services
 * ({@link org.switchboard.portal.conversation.ConversationStore},
 * {@link org.switchboard.portal.conversation.ConversationWorkflow}) and sends through
 * {@link org.switchboard.portal.outbound.ReplyService}, so surveys use the outbox like every reply.
 * See {@code docs/csat.md} for what is sent when.
 */
package org.switchboard.portal.csat;
