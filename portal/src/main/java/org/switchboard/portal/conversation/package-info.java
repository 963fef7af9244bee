/**
 * The conversation store: conversations, messages and their append-only events; threading of inbound messages;
 * the read models the inbox and plugins use. Writes go through
 * {@link org.switchboard.portal.conversation.ConversationStore} and
 * {@link org.switchboard.portal.conversation.ConversationWorkflow}, reads through
 * {@link org.switchboard.portal.conversation.ConversationQueries}; inbox lists and search are in
 * {@code org.switchboard.portal.inbox}.
 */
package org.switchboard.portal.conversation;
