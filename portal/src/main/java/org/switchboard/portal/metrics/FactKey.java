package org.switchboard.portal.metrics;

import java.time.LocalDateTime;

/**
 * Where a fact belongs: the local wall-clock hour (reporting zone) and its dimensions; "none" is {@code ""} for the
 * channel and intent and {@code 0} for team and agent.
 */
record FactKey(LocalDateTime hour, String channelAccountId, long teamId, long agentId, String intent) {

    static final String NONE = "";
}
