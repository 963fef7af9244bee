package org.switchboard.portal.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An append-only fact about a customer record (an identity added by hand, a merge, an unmerge). */
@Entity
@Table(name = "customer_event")
class CustomerEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_event_seq")
    @SequenceGenerator(name = "customer_event_seq", sequenceName = "customer_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "event_type")
    private CustomerEventType type;

    private Instant occurredAt;
    private String actor;
    private String detail;

    protected CustomerEvent() {
    }

    CustomerEvent(Long customerId, CustomerEventType type, Instant occurredAt, String actor, String detail) {
        this.customerId = customerId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.actor = actor.length() > 320 ? actor.substring(0, 320) : actor;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    CustomerProfile.Event toView() {
        return new CustomerProfile.Event(type, occurredAt, actor, detail);
    }
}
