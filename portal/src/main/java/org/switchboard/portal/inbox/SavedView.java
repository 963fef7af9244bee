package org.switchboard.portal.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A named inbox filter; its owner's, or everybody's when shared. */
@Entity
class SavedView {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_view_seq")
    @SequenceGenerator(name = "saved_view_seq", sequenceName = "saved_view_seq", allocationSize = 50)
    private Long id;

    @Column(name = "owner_agent_id")
    private long ownerAgentId;

    private String name;
    private boolean shared;

    @Column(name = "criteria_json")
    private String criteriaJson;

    private Instant createdAt;

    protected SavedView() {
    }

    SavedView(long ownerAgentId, String name, boolean shared, String criteriaJson, Instant createdAt) {
        this.ownerAgentId = ownerAgentId;
        this.name = name;
        this.shared = shared;
        this.criteriaJson = criteriaJson;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getOwnerAgentId() {
        return ownerAgentId;
    }

    String getName() {
        return name;
    }

    boolean isShared() {
        return shared;
    }

    String getCriteriaJson() {
        return criteriaJson;
    }
}
