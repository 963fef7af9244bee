package org.switchboard.portal.metrics;

import java.time.Instant;
import java.util.List;

/**
 * What the projector reads of one conversation: its customer, its events in order, and its SLA targets.
 *
 * @param id         the conversation
 * @param customerId its customer (for repeat contacts)
 * @param events     its events by time, then id
 * @param slaTargets its SLA target rows
 */
record ConversationHistory(long id, long customerId, List<Event> events, List<SlaTargetRow> slaTargets) {

    /** A conversation event as stored; the type is kept as text so unknown (newer) types are skipped, not fatal. */
    record Event(long id, String type, Instant at, Long agentId, String channelAccountId, String detail) {
    }

    /**
     * An SLA target row.
     *
     * @param target     FIRST_RESPONSE or RESOLUTION
     * @param dueAt      its due time
     * @param metAt      when met, or {@code null}
     * @param breachedAt when recorded as breached, or {@code null}
     */
    record SlaTargetRow(String target, Instant dueAt, Instant metAt, Instant breachedAt) {
    }
}
