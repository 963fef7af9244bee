/**
 * The conversation store: conversations, messages and their append-only events; threading of inbound messages;
 * the read models the inbox and plugins use; full-text search over messages and customer names. Writes go through
 * {@link org.switchboard.portal.conversation.ConversationStore}, reads through
 * {@link org.switchboard.portal.conversation.ConversationQueries} and
 * {@link org.switchboard.portal.conversation.ConversationSearch}.
 */
package org.switchboard.portal.conversation;
