package org.switchboard.portal.conversation;

/** Who a message is from and who sees it. */
public enum MessageDirection {
    /** From the customer. */
    IN,
    /** To the customer. */
    OUT,
    /** A private note among agents; never sent. */
    NOTE,
    /** Written by the portal itself (assignment, channel switch). */
    SYSTEM
}
