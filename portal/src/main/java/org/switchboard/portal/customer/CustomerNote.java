package org.switchboard.portal.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note an agent wrote about a customer; the customer never sees it. */
@Entity
@Table(name = "customer_note")
class CustomerNote {

    static final int MAX_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_note_seq")
    @SequenceGenerator(name = "customer_note_seq", sequenceName = "customer_note_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "author_agent_id")
    private Long authorAgentId;

    private String authorName;
    private String body;
    private Instant createdAt;

    protected CustomerNote() {
    }

    CustomerNote(Long customerId, Long authorAgentId, String authorName, String body, Instant createdAt) {
        this.customerId = customerId;
        this.authorAgentId = authorAgentId;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Long getCustomerId() {
        return customerId;
    }

    CustomerProfile.Note toView() {
        return new CustomerProfile.Note(id, authorAgentId, authorName, body, createdAt);
    }
}
