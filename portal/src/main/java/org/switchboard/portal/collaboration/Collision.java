package org.switchboard.portal.collaboration;

import java.time.Duration;
import java.time.Instant;

/**
 * A reply someone else sent to the customer after the agent began theirs.
 *
 * @param authorName who sent it ("The assistant" for the bot)
 * @param sentAt     when it was written
 * @param preview    its start
 * @param count      how many such replies there are
 */
public record Collision(String authorName, Instant sentAt, String preview, int count) {

    /** E.g. "Ben replied 1 minute ago: “It left our warehouse…” — send anyway?". */
    public String question(Instant now) {
        return authorName + " replied " + ago(Duration.between(sentAt, now)) + ": “" + preview + "”"
                + (count > 1 ? " (and " + (count - 1) + " more)" : "") + " — send anyway?";
    }

    static String ago(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
        }
        long hours = minutes / 60;
        return hours == 1 ? "1 hour ago" : hours + " hours ago";
    }
}
