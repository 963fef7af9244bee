package org.switchboard.portal.csat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How surveys behave beyond the per-account settings.
 *
 * @param replyWindow  how long after a survey went out a customer's message on that channel is read as its answer
 *                     (a rating is stored, anything else reopens the conversation); later messages thread as usual
 * @param linkValidity how long a rating link (page and widget stars) works after the survey went out
 * @param senderName   the author name on surveys of unassigned conversations (else the assignee's name)
 */
@ConfigurationProperties("switchboard.csat")
public record CsatProperties(Duration replyWindow, Duration linkValidity, String senderName) {

    public CsatProperties {
        replyWindow = replyWindow == null ? Duration.ofDays(7) : replyWindow;
        linkValidity = linkValidity == null ? Duration.ofDays(30) : linkValidity;
        senderName = senderName == null || senderName.isBlank() ? "Support" : senderName.strip();
    }
}
