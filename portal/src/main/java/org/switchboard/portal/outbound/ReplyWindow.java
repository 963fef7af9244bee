package org.switchboard.portal.outbound;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.portal.conversation.ReplyTarget;

/**
 * Whether free text may be sent to a customer on a channel now. Some providers (WhatsApp, Messenger, Instagram)
 * accept free text only for a while after the customer last wrote; after that only templates.
 *
 * @param target             where the reply goes
 * @param channelName        the channel's display name
 * @param open               free text is allowed now
 * @param closesAt           when the window closes (or closed), {@code null} when the customer never wrote there
 *                           or the channel has no window
 * @param length             the channel's window, or {@code null} when it has none
 * @param templatesAvailable the channel sends templates
 */
public record ReplyWindow(ReplyTarget target, String channelName, boolean open, Instant closesAt, Duration length,
        boolean templatesAvailable) {

    static ReplyWindow unrestricted(ReplyTarget target, String channelName) {
        return new ReplyWindow(target, channelName, true, null, null, false);
    }

    /** Why free text cannot be sent, for the agent. */
    public String explanation() {
        if (open) {
            return "";
        }
        String since = closesAt == null ? "the customer has not written on " + channelName + " yet"
                : "the customer last wrote more than " + length.toHours() + " hours ago";
        return channelName + " accepts free text only within " + length.toHours() + " hours of the customer's last"
                + " message; " + since + ". " + (templatesAvailable ? "Send an approved template instead."
                : "Reply on another channel.");
    }
}
