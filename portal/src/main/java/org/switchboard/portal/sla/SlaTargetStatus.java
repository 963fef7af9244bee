package org.switchboard.portal.sla;

import java.time.Instant;

/**
 * Where one SLA target of a conversation stands.
 *
 * @param target     what it measures
 * @param policyName the policy that set it
 * @param startedAt  when its clock started (creation, or a reopen for resolution)
 * @param dueAt      when it is due
 * @param metAt      when it was met, or {@code null}
 * @param warnedAt   when the portal warned that it is close, or {@code null}
 * @param breachedAt when it was missed (its due time), or {@code null}
 */
public record SlaTargetStatus(SlaTarget target, String policyName, Instant startedAt, Instant dueAt, Instant metAt,
        Instant warnedAt, Instant breachedAt) {

    public boolean isMet() {
        return metAt != null;
    }

    public boolean isBreached() {
        return breachedAt != null;
    }
}
