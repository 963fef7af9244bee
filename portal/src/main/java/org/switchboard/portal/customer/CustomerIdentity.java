package org.switchboard.portal.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A normalised identity (email, phone, chat visitor id, …) that belongs to exactly one customer. */
@Entity
public class CustomerIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_identity_seq")
    @SequenceGenerator(name = "customer_identity_seq", sequenceName = "customer_identity_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    private String kind;

    @Column(name = "identity_value")
    private String value;

    private Instant createdAt;

    protected CustomerIdentity() {
    }

    public CustomerIdentity(Customer customer, NormalizedIdentity identity, Instant createdAt) {
        this.customer = customer;
        this.kind = identity.kind();
        this.value = identity.value();
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public NormalizedIdentity toNormalized() {
        return new NormalizedIdentity(kind, value);
    }

    public String getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
