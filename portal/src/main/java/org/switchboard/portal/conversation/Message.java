package org.switchboard.portal.conversation;

import jakarta.persistence.Column;
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
import java.time.Instant;
import org.hibernate.Length;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.type.SqlTypes;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.portal.customer.NormalizedIdentity;

/** One message of a conversation: from the customer, to the customer, or a private note. */
@Entity
@Indexed
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    /** Read-only copy of the foreign key, indexed so a full-text hit leads to its conversation without a join. */
    @Column(name = "conversation_id", insertable = false, updatable = false)
    @GenericField(projectable = Projectable.YES)
    private Long conversationId;

    @Column(name = "channel_account_id")
    private String channelAccountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private MessageDirection direction;

    @Column(name = "author_agent_id")
    private Long authorAgentId;

    private String authorName;
    private String identityKind;
    private String identityValue;

    /* Stored in the index too (projectable), so search results can show the matched words highlighted. */
    @Column(name = "body_text", length = Length.LONG32)
    @FullTextField(analyzer = "text", projectable = Projectable.YES,
            highlightable = {org.hibernate.search.engine.backend.types.Highlightable.PLAIN,
                    org.hibernate.search.engine.backend.types.Highlightable.UNIFIED})
    private String text;

    @Column(name = "body_html", length = Length.LONG32)
    private String html;

    /** A template send (name, language, parameters) as JSON, or null for free text. */
    @Column(name = "template_json")
    private String templateJson;

    private String externalId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private DeliveryStatus deliveryStatus;

    private String failureReason;
    private Instant createdAt;
    private Instant sentAt;

    protected Message() {
    }

    private Message(Conversation conversation, MessageDirection direction, String channelAccountId, String text,
            Instant createdAt) {
        this.conversation = conversation;
        this.conversationId = conversation.getId();
        this.direction = direction;
        this.channelAccountId = channelAccountId;
        this.text = text == null ? "" : text;
        this.createdAt = createdAt;
    }

    /** A customer's message as a channel delivered it. */
    static Message inbound(Conversation conversation, String channelAccountId, NormalizedIdentity from,
            String authorName, String externalId, String text, String sanitizedHtml, Instant sentAt, Instant now) {
        Message message = new Message(conversation, MessageDirection.IN, channelAccountId, text, now);
        message.identityKind = from.kind();
        message.identityValue = from.value();
        message.authorName = authorName;
        message.externalId = externalId;
        message.html = sanitizedHtml;
        message.sentAt = sentAt;
        return message;
    }

    /** An agent's reply, queued for delivery to one identity over one channel account. */
    static Message outbound(Conversation conversation, String channelAccountId, NormalizedIdentity to,
            Long agentId, String authorName, String text, Instant now) {
        Message message = new Message(conversation, MessageDirection.OUT, channelAccountId, text, now);
        message.identityKind = to.kind();
        message.identityValue = to.value();
        message.authorAgentId = agentId;
        message.authorName = authorName;
        message.deliveryStatus = DeliveryStatus.QUEUED;
        return message;
    }

    /** An agent's private note: no channel, no recipient, no delivery; never sent to the customer. */
    static Message note(Conversation conversation, long agentId, String authorName, String text, Instant now) {
        Message message = new Message(conversation, MessageDirection.NOTE, null, text, now);
        message.authorAgentId = agentId;
        message.authorName = authorName;
        return message;
    }

    /** Applies a delivery status unless it is stale (a late "delivered" after "read"). */
    public boolean applyStatus(DeliveryStatus status, String reason, Instant at) {
        if (deliveryStatus != null && !deliveryStatus.canMoveTo(status)) {
            return false;
        }
        this.deliveryStatus = status;
        if (status == DeliveryStatus.FAILED) {
            this.failureReason = reason == null ? "failed" : truncate(reason, 1000);
        }
        if (status == DeliveryStatus.SENT && sentAt == null) {
            this.sentAt = at;
        }
        return true;
    }

    /** Marks the message as accepted by the provider under the provider's id. */
    public void markSent(String externalId, Instant at) {
        this.externalId = externalId;
        applyStatus(DeliveryStatus.SENT, null, at);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public String getChannelAccountId() {
        return channelAccountId;
    }

    public MessageDirection getDirection() {
        return direction;
    }

    public Long getAuthorAgentId() {
        return authorAgentId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public NormalizedIdentity getIdentity() {
        return identityKind == null ? null : new NormalizedIdentity(identityKind, identityValue);
    }

    public String getText() {
        return text;
    }

    /** Moves the message to another conversation (merge, split); both copies of the key change for the index. */
    void moveTo(Conversation target) {
        this.conversation = target;
        this.conversationId = target.getId();
    }

    public String getTemplateJson() {
        return templateJson;
    }

    void useTemplate(String json) {
        this.templateJson = json;
    }

    public String getHtml() {
        return html;
    }

    public String getExternalId() {
        return externalId;
    }

    public DeliveryStatus getDeliveryStatus() {
        return deliveryStatus;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
