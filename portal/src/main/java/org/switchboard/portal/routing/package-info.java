/**
 * Routing: teams and their members, agents' availability (online, away, offline) and capacity, and the automatic
 * assignment of a team's waiting conversations (round robin or least loaded), including handing an offline agent's
 * conversations back to their team. Reads the conversation tables; writes assignments only through
 * {@code ConversationStore}. See docs/routing.md.
 */
package org.switchboard.portal.routing;
