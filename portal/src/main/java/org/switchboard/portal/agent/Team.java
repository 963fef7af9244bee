package org.switchboard.portal.agent;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A group of agents that conversations can be routed to. */
@Entity
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    private Long id;

    private String name;
    private Instant createdAt;

    @ManyToMany
    @JoinTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "agent_id"))
    private Set<Agent> members = new HashSet<>();

    protected Team() {
    }

    public Team(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Agent> getMembers() {
        return Set.copyOf(members);
    }

    public void addMember(Agent agent) {
        members.add(agent);
    }

    /** Removes a member; returns whether they were one. */
    public boolean removeMember(Agent agent) {
        return members.remove(agent);
    }

    public void rename(String newName) {
        this.name = newName;
    }
}
