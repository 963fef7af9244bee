package org.switchboard.portal.sla;

import java.time.Instant;
import java.util.List;

/**
 * A conversation's SLA: its targets, oldest first, and the summary the inbox sorts and filters on.
 *
 * @param conversationId the conversation
 * @param state          where it stands now
 * @param dueAt          the earliest unmet target's due time, or {@code null}
 * @param breached       whether a current target (first response, or the resolution of the current open period)
 *                       was missed
 * @param targets        every target, including those of earlier open periods
 */
public record SlaStatus(long conversationId, SlaState state, Instant dueAt, boolean breached,
        List<SlaTargetStatus> targets) {
}
