package org.switchboard.portal.csat;

import java.time.Instant;

/**
 * One survey, for the conversation view, the customer 360 and dashboards ("share of 4-5 ratings, with response
 * rate, per channel, team and agent").
 *
 * @param id               the survey
 * @param conversationId   the conversation it rates
 * @param customerId       the customer it went to (as at the resolution)
 * @param channelAccountId the channel account it went on (the customer's last channel at the resolution), or
 *                         {@code null} when that account was deleted
 * @param agentId          the conversation's assignee at the resolution, or {@code null}
 * @param teamId           its team at the resolution, or {@code null}
 * @param resolvedAt       the resolution it follows
 * @param status           scheduled, sent, rated or skipped
 * @param skipReason       why it was not sent, when skipped
 * @param sentAt           when it went out, or {@code null}
 * @param answeredAt       when the customer rated, or {@code null}
 * @param rating           1 to 5, or {@code null}
 * @param comment          the customer's comment, or {@code null}
 * @param ratedVia         reply, link or widget, or {@code null}
 */
public record CsatSurveyView(long id, long conversationId, long customerId, String channelAccountId, Long agentId,
        Long teamId, Instant resolvedAt, SurveyStatus status, String skipReason, Instant sentAt, Instant answeredAt,
        Integer rating, String comment, RatedVia ratedVia) {

    /** A rating of 4 or 5: what CSAT counts as satisfied. */
    public boolean satisfied() {
        return rating != null && rating >= 4;
    }
}
