package org.switchboard.portal.collaboration;

/** What an agent is notified about. Names are stored: never rename one. */
public enum NotificationKind {
    /** A colleague mentioned the agent in a private note. */
    MENTION,
    /** An automation rule asked to tell the agent (title: the rule, body: its message). */
    RULE
}
