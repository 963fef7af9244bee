package org.switchboard.portal.csat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The survey of one resolution: when it is due, whether it went out (or why not), and the customer's rating. What
 * dashboards group by (channel account, agent, team) is kept as it was at the resolution.
 */
@Entity
@Table(name = "csat_survey")
class CsatSurvey {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "csat_survey_seq")
    @SequenceGenerator(name = "csat_survey_seq", sequenceName = "csat_survey_seq", allocationSize = 50)
    private Long id;

    @Column(name = "conversation_id")
    private long conversationId;

    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "channel_account_id")
    private String channelAccountId;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private SurveyStatus status;

    @Column(name = "skip_reason")
    private String skipReason;

    @Column(name = "send_after")
    private Instant sendAfter;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private Integer rating;

    @Column(name = "rating_comment")
    private String comment;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "answered_via")
    private RatedVia answeredVia;

    @Column(name = "answer_message_id")
    private Long answerMessageId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected CsatSurvey() {
    }

    CsatSurvey(long conversationId, long customerId, String channelAccountId, Long agentId, Long teamId,
            Instant resolvedAt, Instant sendAfter, Instant now) {
        this.conversationId = conversationId;
        this.customerId = customerId;
        this.channelAccountId = channelAccountId;
        this.agentId = agentId;
        this.teamId = teamId;
        this.resolvedAt = resolvedAt;
        this.sendAfter = sendAfter;
        this.status = SurveyStatus.SCHEDULED;
        this.createdAt = now;
    }

    void sent(long surveyMessageId, Instant at) {
        requireStatus(SurveyStatus.SCHEDULED);
        this.status = SurveyStatus.SENT;
        this.messageId = surveyMessageId;
        this.sentAt = at;
    }

    void skip(String reason) {
        requireStatus(SurveyStatus.SCHEDULED);
        this.status = SurveyStatus.SKIPPED;
        this.skipReason = reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }

    void rate(CsatAnswer answer, RatedVia via, Long answerMessage, Instant at) {
        requireStatus(SurveyStatus.SENT);
        this.status = SurveyStatus.RATED;
        this.rating = answer.rating();
        this.comment = answer.comment();
        this.answeredVia = via;
        this.answerMessageId = answerMessage;
        this.answeredAt = at;
    }

    private void requireStatus(SurveyStatus expected) {
        if (status != expected) {
            throw new SurveyAlreadyHandledException(id, status);
        }
    }

    CsatSurveyView view() {
        return new CsatSurveyView(id, conversationId, customerId, channelAccountId, agentId, teamId, resolvedAt,
                status, skipReason, sentAt, answeredAt, rating, comment, answeredVia);
    }

    Long getId() {
        return id;
    }

    long getConversationId() {
        return conversationId;
    }

    long getCustomerId() {
        return customerId;
    }

    String getChannelAccountId() {
        return channelAccountId;
    }

    Long getAgentId() {
        return agentId;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    SurveyStatus getStatus() {
        return status;
    }

    Instant getSendAfter() {
        return sendAfter;
    }

    Instant getSentAt() {
        return sentAt;
    }

    Long getMessageId() {
        return messageId;
    }
}
