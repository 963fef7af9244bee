package org.switchboard.portal.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of one merge; its moved rows are in {@code customer_merge_item} ({@link MergeItemType}). */
@Entity
@Table(name = "customer_merge")
class CustomerMerge {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_merge_seq")
    @SequenceGenerator(name = "customer_merge_seq", sequenceName = "customer_merge_seq", allocationSize = 50)
    private Long id;

    @Column(name = "survivor_id")
    private Long survivorId;

    @Column(name = "merged_id")
    private Long mergedId;

    private Instant mergedAt;
    private String mergedBy;
    private boolean tookName;
    private boolean tookLanguage;
    private boolean tookPreferredChannel;
    private Instant unmergedAt;
    private String unmergedBy;

    protected CustomerMerge() {
    }

    CustomerMerge(Long survivorId, Long mergedId, Instant mergedAt, String mergedBy, boolean tookName,
            boolean tookLanguage, boolean tookPreferredChannel) {
        this.survivorId = survivorId;
        this.mergedId = mergedId;
        this.mergedAt = mergedAt;
        this.mergedBy = mergedBy;
        this.tookName = tookName;
        this.tookLanguage = tookLanguage;
        this.tookPreferredChannel = tookPreferredChannel;
    }

    void undone(Instant at, String by) {
        this.unmergedAt = at;
        this.unmergedBy = by;
    }

    Long getId() {
        return id;
    }

    Long getSurvivorId() {
        return survivorId;
    }

    Long getMergedId() {
        return mergedId;
    }

    Instant getMergedAt() {
        return mergedAt;
    }

    String getMergedBy() {
        return mergedBy;
    }

    boolean tookName() {
        return tookName;
    }

    boolean tookLanguage() {
        return tookLanguage;
    }

    boolean tookPreferredChannel() {
        return tookPreferredChannel;
    }

    Instant getUnmergedAt() {
        return unmergedAt;
    }

    String getUnmergedBy() {
        return unmergedBy;
    }
}
