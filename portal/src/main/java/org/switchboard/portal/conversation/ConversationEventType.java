package org.switchboard.portal.conversation;

/** What happened to a conversation; dashboards aggregate these. Names are stored: never rename one. */
public enum ConversationEventType {
    CREATED, CUSTOMER_MESSAGE, AGENT_REPLY, FIRST_RESPONSE, CHANNEL_SWITCHED, ASSIGNED, STATUS_CHANGED, RESOLVED,
    REOPENED, DELIVERY_FAILED
}
