package org.switchboard.portal.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.Length;

/** A saved reply: shared with everyone (no owner) or one agent's own. */
@Entity
@Table(name = "canned_response")
class CannedResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canned_response_seq")
    @SequenceGenerator(name = "canned_response_seq", sequenceName = "canned_response_seq", allocationSize = 50)
    private Long id;

    private String shortcut;
    private String title;

    @Column(length = Length.LONG32)
    private String body;

    @Column(name = "owner_agent_id")
    private Long ownerAgentId;

    private Instant createdAt;
    private Instant updatedAt;

    protected CannedResponse() {
    }

    CannedResponse(String shortcut, String title, String body, Long ownerAgentId, Instant now) {
        this.ownerAgentId = ownerAgentId;
        this.createdAt = now;
        change(shortcut, title, body, now);
    }

    void change(String shortcut, String title, String body, Instant now) {
        this.shortcut = shortcut;
        this.title = title;
        this.body = body;
        this.updatedAt = now;
    }

    boolean isShared() {
        return ownerAgentId == null;
    }

    Long getId() {
        return id;
    }

    String getShortcut() {
        return shortcut;
    }

    Long getOwnerAgentId() {
        return ownerAgentId;
    }

    CannedResponseView view() {
        return new CannedResponseView(id, shortcut, title, body, ownerAgentId, updatedAt);
    }
}
