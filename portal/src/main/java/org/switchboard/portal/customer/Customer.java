package org.switchboard.portal.customer;

import jakarta.persistence.Column;
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

    /** BCP 47 language tag, or null when unknown. */
    private String language;

    /** A channel account an agent chose for this customer; null means "learned" (see CustomerProfiles). */
    @Column(name = "preferred_channel_account_id")
    private String preferredChannelAccountId;

    /** Set when this customer was merged into another: it is then hidden and its id resolves to the survivor. */
    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    private Instant mergedAt;

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

    /** An agent's edit of the name; unlike {@link #learnName} it replaces a known name. */
    void rename(String name, Instant now) {
        this.displayName = name == null || name.isBlank() ? null : name.strip();
        this.updatedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getLanguage() {
        return language;
    }

    void changeLanguage(String languageTag, Instant now) {
        this.language = languageTag;
        this.updatedAt = now;
    }

    public String getPreferredChannelAccountId() {
        return preferredChannelAccountId;
    }

    void choosePreferredChannel(String channelAccountId, Instant now) {
        this.preferredChannelAccountId = channelAccountId;
        this.updatedAt = now;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public boolean isMerged() {
        return mergedIntoId != null;
    }

    void markMergedInto(Long survivorId, Instant now) {
        this.mergedIntoId = survivorId;
        this.mergedAt = survivorId == null ? null : now;
        this.updatedAt = now;
    }
}
