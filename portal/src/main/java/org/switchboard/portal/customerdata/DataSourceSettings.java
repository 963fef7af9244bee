package org.switchboard.portal.customerdata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured customer-data source: which provider, and its configuration (secrets encrypted). */
@Entity
@Table(name = "customer_data_source")
class DataSourceSettings {

    @Id
    private String id;

    private String name;

    @Column(name = "provider_id")
    private String providerId;

    @Column(columnDefinition = "LONGTEXT")
    private String config;

    private boolean enabled;

    private Instant createdAt;

    protected DataSourceSettings() {
    }

    DataSourceSettings(String id, String name, String providerId, String config, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.providerId = providerId;
        this.config = config;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    String getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getProviderId() {
        return providerId;
    }

    String getConfig() {
        return config;
    }

    boolean isEnabled() {
        return enabled;
    }

    void change(String name, String config) {
        this.name = name;
        this.config = config;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
