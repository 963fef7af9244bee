package org.switchboard.portal.collaboration;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something one agent is told about (a mention), unread until they open it. */
@Entity
@Table(name = "agent_notification")
class AgentNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_notification_seq")
    @SequenceGenerator(name = "agent_notification_seq", sequenceName = "agent_notification_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "agent_id")
    private Long agentId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private NotificationKind kind;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "actor_agent_id")
    private Long actorAgentId;

    private Instant createdAt;
    private Instant readAt;

    /** For a rule's notification: the rule's name and its message; null for mentions (the note says it all). */
    private String title;
    private String body;

    protected AgentNotification() {
    }

    AgentNotification(long agentId, NotificationKind kind, long conversationId, Long messageId, Long actorAgentId,
            Instant createdAt) {
        this.agentId = agentId;
        this.kind = kind;
        this.conversationId = conversationId;
        this.messageId = messageId;
        this.actorAgentId = actorAgentId;
        this.createdAt = createdAt;
    }

    AgentNotification(long agentId, NotificationKind kind, long conversationId, String title, String body,
            Instant createdAt) {
        this(agentId, kind, conversationId, (Long) null, (Long) null, createdAt);
        this.title = title;
        this.body = body;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    Long getId() {
        return id;
    }

    Long getAgentId() {
        return agentId;
    }

    NotificationKind getKind() {
        return kind;
    }

    Long getConversationId() {
        return conversationId;
    }

    Long getMessageId() {
        return messageId;
    }

    Long getActorAgentId() {
        return actorAgentId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReadAt() {
        return readAt;
    }

    String getTitle() {
        return title;
    }

    String getBody() {
        return body;
    }
}
