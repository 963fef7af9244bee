package org.switchboard.portal.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A free-text label on a customer ("VIP", "wholesale"); unique per customer, case-insensitively. */
@Entity
@Table(name = "customer_tag")
class CustomerTag {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_tag_seq")
    @SequenceGenerator(name = "customer_tag_seq", sequenceName = "customer_tag_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    private String tag;
    private Instant createdAt;

    protected CustomerTag() {
    }

    CustomerTag(Long customerId, String tag, Instant createdAt) {
        this.customerId = customerId;
        this.tag = tag;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Long getCustomerId() {
        return customerId;
    }

    String getTag() {
        return tag;
    }
}
