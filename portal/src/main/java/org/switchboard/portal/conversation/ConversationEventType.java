package org.switchboard.portal.conversation;

/** What happened to a conversation; dashboards aggregate these. Names are stored: never rename one. */
public enum ConversationEventType {
    CREATED, CUSTOMER_MESSAGE, AGENT_REPLY, FIRST_RESPONSE, CHANNEL_SWITCHED, ASSIGNED, STATUS_CHANGED, RESOLVED,
    REOPENED, DELIVERY_FAILED,
    /** This conversation's messages moved into another (detail: "into #id"); it is resolved. */
    MERGED_AWAY,
    /** Another conversation's messages moved in (detail: "from #id"). */
    MERGED_IN,
    /** Later messages moved out into a new conversation (detail: "into #id"). */
    SPLIT_AWAY,
    /** Created from another conversation's later messages (detail: "from #id"). */
    SPLIT_FROM,
    /** A classifier labelled the customer's message (detail: task, label, confidence, model id@version). */
    AI_CLASSIFIED,
    /** The assistant answered the customer itself. */
    BOT_REPLY,
    /** The assistant suggested a reply to the agent instead of sending it. */
    AI_SUGGESTED,
    /** The assistant handed the conversation to a human (detail: the reason). */
    ESCALATED,
    /** Labels were added or removed (detail: "+label -label"). */
    LABELS_CHANGED,
    /** The priority changed (detail: "OLD -> NEW", and why when a rule or model did it). */
    PRIORITY_CHANGED,
    /** Snoozed (detail: until when, or "until the customer replies"); waking is a STATUS_CHANGED. */
    SNOOZED,
    /** Routed or transferred to a team (detail: "team #id", and the transfer note). */
    TEAM_CHANGED,
    /** An SLA target is close to its due time (detail: the target and due time). */
    SLA_WARNING,
    /** An SLA target was missed (detail: the target, policy and due time). */
    SLA_BREACHED,
    /** An agent wrote a private note (detail: the agents it mentions). */
    NOTE_ADDED,
    /** A satisfaction survey went out after a resolution (detail: "survey #id"); not a reply of anyone's. */
    CSAT_SENT,
    /** The customer rated the conversation (detail: "4/5 by reply|link|widget, survey #id"). */
    CSAT_RATED
}
