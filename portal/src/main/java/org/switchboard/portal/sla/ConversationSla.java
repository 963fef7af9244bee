package org.switchboard.portal.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One SLA target of a conversation: when its clock started, when it is due, and whether it was met, warned about
 * or breached. The version check makes "warn once" and "breach once" hold when two nodes (or the sweep and the
 * change listener) look at the same target at the same moment: one of them fails and looks again.
 */
@Entity
@Table(name = "conversation_sla")
class ConversationSla {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_sla_seq")
    @SequenceGenerator(name = "conversation_sla_seq", sequenceName = "conversation_sla_seq", allocationSize = 50)
    private Long id;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private SlaTarget target;

    @Column(name = "policy_id")
    private Long policyId;

    @Column(name = "policy_name")
    private String policyName;

    private Instant startedAt;
    private Instant dueAt;
    private Instant metAt;
    private Instant warnedAt;
    private Instant breachedAt;

    @Version
    private long version;

    protected ConversationSla() {
    }

    ConversationSla(long conversationId, SlaTarget target, SlaPolicySettings policy, Instant startedAt,
            Instant dueAt) {
        this.conversationId = conversationId;
        this.target = target;
        this.policyId = policy.id();
        this.policyName = policy.name();
        this.startedAt = startedAt;
        this.dueAt = dueAt;
    }

    /**
     * Points an unmet target at another policy or due time (the priority or channel changed, or the policy was
     * edited). A warning or breach already recorded stays recorded while it still holds for the new due time, so
     * the same target never warns or breaches twice; it is cleared only when the new due time moved out of reach.
     */
    void retarget(SlaPolicySettings policy, Instant newDueAt, Instant now, java.time.Duration warnBefore) {
        this.policyId = policy.id();
        this.policyName = policy.name();
        this.dueAt = newDueAt;
        if (breachedAt != null && newDueAt.isAfter(now)) {
            breachedAt = null;
        }
        if (warnedAt != null && newDueAt.minus(warnBefore).isAfter(now)) {
            warnedAt = null;
        }
    }

    void met(Instant at) {
        this.metAt = at;
    }

    void warned(Instant at) {
        this.warnedAt = at;
    }

    /** Recorded as breached at its due time (the moment it was missed), whenever the portal noticed. */
    void breached() {
        this.breachedAt = dueAt;
    }

    /** Whether the target was missed by {@code now}: met late, or still unmet after its due time. */
    boolean missedBy(Instant now) {
        return metAt != null ? metAt.isAfter(dueAt) : !dueAt.isAfter(now);
    }

    SlaTargetStatus status() {
        return new SlaTargetStatus(target, policyName, startedAt, dueAt, metAt, warnedAt, breachedAt);
    }

    Long getId() {
        return id;
    }

    SlaTarget getTarget() {
        return target;
    }

    Long getPolicyId() {
        return policyId;
    }

    String getPolicyName() {
        return policyName;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getDueAt() {
        return dueAt;
    }

    Instant getMetAt() {
        return metAt;
    }

    Instant getWarnedAt() {
        return warnedAt;
    }

    Instant getBreachedAt() {
        return breachedAt;
    }
}
