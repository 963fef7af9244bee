package org.switchboard.portal.conversation;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.switchboard.portal.agent.Agent;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.customer.Customer;

/**
 * A conversation with one customer, which may move between channels. Keeps a denormalised summary of its latest
 * message so inbox lists never compute "latest message per conversation" at query time.
 */
/*
 * Dynamic updates: an update writes only the columns that changed, so writers that touch different columns (an
 * agent replying, the assistant leaving a suggestion with a targeted update) never overwrite each other's values.
 */
@Entity
@org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed
@org.hibernate.annotations.DynamicUpdate
public class Conversation {

    private static final int PREVIEW_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
    @SequenceGenerator(name = "conversation_seq", sequenceName = "conversation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private ConversationStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Priority priority;

    /* Indexed for the inbox search; Hibernate Search re-indexes a conversation only when its subject changes. */
    @org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField(analyzer = "text")
    private String subject;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private Agent assignee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @Column(name = "last_channel_account_id")
    private String lastChannelAccountId;

    private Long lastMessageId;
    private String lastMessagePreview;
    private Instant lastActivityAt;
    private Instant lastInboundAt;
    private int unreadCount;
    private Instant createdAt;
    private Instant resolvedAt;

    /** The assistant's hand-over summary, pinned at the top of the conversation for agents. */
    @Column(name = "ai_summary", length = 4000)
    private String aiSummary;

    /** The assistant's latest suggested reply for the agent, and what it is grounded in. */
    @Column(name = "ai_suggestion", length = 4000)
    private String aiSuggestion;

    @Column(name = "ai_suggestion_sources", length = 1000)
    private String aiSuggestionSources;

    /** Free-form tags set by agents and rules; loaded only where shown (the inbox loads a page's in one query). */
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 100)
    @CollectionTable(name = "conversation_label", joinColumns = @JoinColumn(name = "conversation_id"))
    @Column(name = "label")
    private Set<String> labels = new HashSet<>();

    /** A snoozed conversation wakes at this time (when set) or when the customer writes. */
    private Instant snoozedUntil;
    private boolean snoozeUntilReply;

    /** The latest classification of the customer's messages, for inbox filters (the events keep the history). */
    private String intent;
    private String sentiment;

    /** Since when the customer waits for an answer: the first unanswered customer message; null when answered. */
    private Instant waitingSince;

    /** The earliest unmet SLA target's due time, and whether a target was missed; kept by the SLA package. */
    @Column(name = "sla_due_at")
    private Instant slaDueAt;
    private boolean slaBreached;

    @Version
    private long version;

    protected Conversation() {
    }

    public Conversation(Customer customer, String channelAccountId, String subject, Instant createdAt) {
        this.customer = customer;
        this.status = ConversationStatus.OPEN;
        this.priority = Priority.NORMAL;
        this.subject = subject;
        this.lastChannelAccountId = channelAccountId;
        this.lastActivityAt = createdAt;
        this.createdAt = createdAt;
    }

    /** Records a message as the latest activity. */
    void noteMessage(Message message) {
        this.lastMessageId = message.getId();
        String text = message.getText().strip().replaceAll("\\s+", " ");
        // Agents see notes in the inbox too (as in Chatwoot), marked so nobody takes one for the customer's words.
        if (message.getDirection() == MessageDirection.NOTE) {
            text = "Note: " + text;
        }
        this.lastMessagePreview = text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH - 1) + "…" : text;
        this.lastActivityAt = message.getCreatedAt();
        if (message.getDirection() == MessageDirection.IN || message.getDirection() == MessageDirection.OUT) {
            this.lastChannelAccountId = message.getChannelAccountId();
        }
        if (message.getDirection() == MessageDirection.IN) {
            this.lastInboundAt = message.getCreatedAt();
            this.unreadCount++;
            if (waitingSince == null) {
                this.waitingSince = message.getCreatedAt();
            }
        } else if (message.getDirection() == MessageDirection.OUT) {
            this.waitingSince = null;
        }
    }

    /**
     * Records a customer's message that asks nothing of the agents (a rating of this resolved conversation): the
     * latest activity, but neither unread nor waiting for an answer.
     */
    void noteMessageNeedingNoAnswer(Message message) {
        int unread = unreadCount;
        Instant waiting = waitingSince;
        noteMessage(message);
        unreadCount = unread;
        waitingSince = waiting;
    }

    /**
     * Recomputes what the inbox shows from the messages the conversation now holds (after a merge or split):
     * last message, activity, channel; unread = the customer's messages after the last agent reply.
     */
    void recomputeFrom(java.util.List<Message> ordered) {
        this.lastMessageId = null;
        this.lastMessagePreview = null;
        this.lastChannelAccountId = null;
        this.lastInboundAt = null;
        this.unreadCount = 0;
        this.waitingSince = null;
        for (Message message : ordered) {
            noteMessage(message);
            if (message.getDirection() == MessageDirection.OUT) {
                this.unreadCount = 0;
            }
        }
        if (ordered.isEmpty()) {
            this.lastActivityAt = createdAt;
        }
    }

    void markRead() {
        this.unreadCount = 0;
    }

    void reopen() {
        this.status = ConversationStatus.OPEN;
        this.resolvedAt = null;
    }

    void changeStatus(ConversationStatus newStatus, Instant now) {
        this.status = newStatus;
        this.resolvedAt = newStatus == ConversationStatus.RESOLVED ? now : null;
        if (newStatus != ConversationStatus.SNOOZED) {
            this.snoozedUntil = null;
            this.snoozeUntilReply = false;
        }
    }

    /** Snoozes until a time, or (with {@code until} null) until the customer writes again. */
    void snooze(Instant until, Instant now) {
        changeStatus(ConversationStatus.SNOOZED, now);
        this.snoozedUntil = until;
        this.snoozeUntilReply = until == null;
    }

    void changePriority(Priority newPriority) {
        this.priority = newPriority;
    }

    void route(Team newTeam) {
        this.team = newTeam;
    }

    /** Replaces the labels; returns whether they changed. */
    boolean replaceLabels(Set<String> newLabels) {
        if (labels.equals(newLabels)) {
            return false;
        }
        labels.clear();
        labels.addAll(newLabels);
        return true;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getSubject() {
        return subject;
    }

    public Agent getAssignee() {
        return assignee;
    }

    public Team getTeam() {
        return team;
    }

    public String getLastChannelAccountId() {
        return lastChannelAccountId;
    }

    public Long getLastMessageId() {
        return lastMessageId;
    }

    public String getLastMessagePreview() {
        return lastMessagePreview;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getLastInboundAt() {
        return lastInboundAt;
    }

    public int getUnreadCount() {
        return unreadCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getAiSummary() {
        return aiSummary;
    }

    public String getAiSuggestion() {
        return aiSuggestion;
    }

    public String getAiSuggestionSources() {
        return aiSuggestionSources;
    }

    void assign(org.switchboard.portal.agent.Agent agent) {
        this.assignee = agent;
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Set<String> getLabels() {
        return Set.copyOf(labels);
    }

    public Instant getSnoozedUntil() {
        return snoozedUntil;
    }

    public boolean isSnoozeUntilReply() {
        return snoozeUntilReply;
    }

    public String getIntent() {
        return intent;
    }

    public String getSentiment() {
        return sentiment;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    public boolean isSlaBreached() {
        return slaBreached;
    }
}
