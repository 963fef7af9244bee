package org.switchboard.portal.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An append-only fact about a conversation; metrics are computed from these, never from current state. */
@Entity
public class ConversationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_event_seq")
    @SequenceGenerator(name = "conversation_event_seq", sequenceName = "conversation_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "event_type")
    private ConversationEventType type;

    private Instant occurredAt;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "channel_account_id")
    private String channelAccountId;

    private String detail;

    protected ConversationEvent() {
    }

    ConversationEvent(Long conversationId, ConversationEventType type, Instant occurredAt, Long agentId,
            String channelAccountId, String detail) {
        this.conversationId = conversationId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.agentId = agentId;
        this.channelAccountId = channelAccountId;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long getConversationId() {
        return conversationId;
    }

    public ConversationEventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getAgentId() {
        return agentId;
    }

    public String getChannelAccountId() {
        return channelAccountId;
    }

    public String getDetail() {
        return detail;
    }
}
