package org.switchboard.portal.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** One person or organisation we talk to, whatever channels they use. */
@Entity
@Indexed
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @FullTextField(analyzer = "text")
    private String displayName;

    private Instant createdAt;
    private Instant updatedAt;

    protected Customer() {
    }

    public Customer(String displayName, Instant createdAt) {
        this.displayName = displayName;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** A name to show when the customer never told us theirs. */
    public String nameOr(String fallback) {
        return displayName == null || displayName.isBlank() ? fallback : displayName;
    }

    /** Takes a name the customer gave, unless we know one already (an agent's edit wins over a channel's). */
    public void learnName(String name, Instant now) {
        if ((displayName == null || displayName.isBlank()) && name != null && !name.isBlank()) {
            this.displayName = name.strip();
            this.updatedAt = now;
        }
    }
}
