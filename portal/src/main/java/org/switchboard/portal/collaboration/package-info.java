/**
 * Agents working together on conversations: private notes with @mentions, the notifications those create,
 * canned responses with variables, and presence (who else has a conversation open, who is typing) with the
 * warning before a reply that crosses a colleague's. Notes themselves are stored by
 * {@link org.switchboard.portal.conversation.ConversationNotes}; presence lives in memory on one portal node.
 */
package org.switchboard.portal.collaboration;
