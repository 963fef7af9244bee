package org.switchboard.portal.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One customer's value of one custom attribute, in the attribute type's canonical text form. */
@Entity
@Table(name = "customer_attribute_value")
class CustomerAttributeValue {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_attribute_value_seq")
    @SequenceGenerator(name = "customer_attribute_value_seq", sequenceName = "customer_attribute_value_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "attribute_id")
    private Long attributeId;

    @Column(name = "attribute_value")
    private String value;

    private Instant updatedAt;

    protected CustomerAttributeValue() {
    }

    CustomerAttributeValue(Long customerId, Long attributeId, String value, Instant now) {
        this.customerId = customerId;
        this.attributeId = attributeId;
        this.value = value;
        this.updatedAt = now;
    }

    void change(String newValue, Instant now) {
        this.value = newValue;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getAttributeId() {
        return attributeId;
    }

    String getValue() {
        return value;
    }
}
