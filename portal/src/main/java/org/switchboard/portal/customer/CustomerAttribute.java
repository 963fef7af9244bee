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
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The definition of a custom attribute an admin added (e.g. "Contract tier", a select of Gold/Silver). */
@Entity
@Table(name = "customer_attribute")
class CustomerAttribute {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_attribute_seq")
    @SequenceGenerator(name = "customer_attribute_seq", sequenceName = "customer_attribute_seq", allocationSize = 50)
    private Long id;

    @Column(name = "attribute_key")
    private String key;

    private String label;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "value_type")
    private AttributeType type;

    /** The choices of a select, one per line. */
    private String options;

    private int position;
    private Instant createdAt;

    protected CustomerAttribute() {
    }

    CustomerAttribute(String key, String label, AttributeType type, List<String> options, int position,
            Instant createdAt) {
        this.key = key;
        this.createdAt = createdAt;
        this.position = position;
        update(label, type, options);
    }

    void update(String label, AttributeType type, List<String> options) {
        this.label = label;
        this.type = type;
        this.options = options.isEmpty() ? null : String.join("\n", options);
    }

    Long getId() {
        return id;
    }

    String getKey() {
        return key;
    }

    AttributeType getType() {
        return type;
    }

    List<String> optionList() {
        return options == null ? List.of() : Arrays.asList(options.split("\n"));
    }

    AttributeDefinition toView() {
        return new AttributeDefinition(id, key, label, type, optionList(), position);
    }
}
