package org.switchboard.portal.csat;

import java.time.Duration;

/**
 * One channel account's survey settings, as admins see and edit them.
 *
 * @param channelAccountId the account
 * @param accountName      its name (read only)
 * @param enabled          whether a survey goes out after a resolution whose last channel is this account
 * @param delay            how long after the resolution (0 to 24 hours, whole minutes)
 * @param quietDays        a customer who got a survey (on any channel) within this many days is not asked again;
 *                         0 = no limit
 * @param question         the text sent, with {@code {link}} where the rating link goes; {@code null} for the
 *                         default of the channel's kind
 * @param defaultQuestion  the default for this account's channel (read only)
 */
public record CsatAccountSettings(String channelAccountId, String accountName, boolean enabled, Duration delay,
        int quietDays, String question, String defaultQuestion) {

    /** The text actually sent. */
    public String effectiveQuestion() {
        return question == null ? defaultQuestion : question;
    }

    /** The same settings with new values (what the admin form saves). */
    public CsatAccountSettings with(boolean newEnabled, Duration newDelay, int newQuietDays, String newQuestion) {
        return new CsatAccountSettings(channelAccountId, accountName, newEnabled, newDelay, newQuietDays, newQuestion,
                defaultQuestion);
    }
}
