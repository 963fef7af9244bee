package org.switchboard.portal.agent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A portal user: agent, supervisor or admin. */
@Entity
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_seq")
    @SequenceGenerator(name = "agent_seq", sequenceName = "agent_seq", allocationSize = 50)
    private Long id;

    private String email;
    private String displayName;
    private String passwordHash;
    private boolean enabled;
    private boolean passwordChangeRequired;
    private Instant createdAt;
    private Instant lastSignInAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_role", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Agent() {
    }

    public Agent(String email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When they last signed in; {@code null} if never. */
    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    void signedIn(Instant at) {
        this.lastSignInAt = at;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }
}
