package org.switchboard.portal.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.Length;

/** One configured endpoint of a channel connector. The id appears in the webhook URL, so it is random. */
@Entity
public class ChannelAccount {

    @Id
    private String id;

    private String name;
    private String connectorId;

    /** JSON object; values of secret fields are encrypted by {@link SecretCipher}. */
    @Column(length = Length.LONG32)
    private String config;

    private boolean enabled;
    private Instant createdAt;

    protected ChannelAccount() {
    }

    ChannelAccount(String id, String name, String connectorId, String config, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.connectorId = connectorId;
        this.config = config;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getConnectorId() {
        return connectorId;
    }

    String getConfig() {
        return config;
    }

    void setName(String name) {
        this.name = name;
    }

    void setConfig(String config) {
        this.config = config;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
