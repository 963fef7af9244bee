package org.switchboard.portal.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An emailed link letting a new agent choose their password; only the token's SHA-256 is kept. */
@Entity
@Table(name = "agent_invitation")
class AgentInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_invitation_seq")
    @SequenceGenerator(name = "agent_invitation_seq", sequenceName = "agent_invitation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "agent_id")
    private long agentId;

    @Column(name = "token_hash")
    private String tokenHash;

    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected AgentInvitation() {
    }

    AgentInvitation(long agentId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.agentId = agentId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long getAgentId() {
        return agentId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void use(Instant at) {
        this.usedAt = at;
    }
}
