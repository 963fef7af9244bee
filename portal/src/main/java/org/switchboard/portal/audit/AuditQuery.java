package org.switchboard.portal.audit;

import java.time.Instant;

/**
 * What the audit log view filters by; every part optional.
 *
 * @param actor  part of the actor (case-insensitive), e.g. an email
 * @param action the exact action, e.g. {@code agent.disabled}
 * @param from   entries at or after this instant
 * @param to     entries before this instant
 */
public record AuditQuery(String actor, String action, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        action = action == null || action.isBlank() ? null : action.strip();
    }
}
