package org.switchboard.portal.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One outbound message still to deliver. Deleted once delivered or given up. */
@Entity
@Table(name = "outbox")
class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "channel_account_id")
    private String channelAccountId;

    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;

    protected OutboxEntry() {
    }

    OutboxEntry(Long messageId, String channelAccountId, Instant now) {
        this.messageId = messageId;
        this.channelAccountId = channelAccountId;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Leases the entry to one dispatcher: nobody else picks it until the lease ends (or it is rescheduled). */
    void lease(Instant until) {
        this.nextAttemptAt = until;
    }

    void failedAttempt(String error, Instant retryAt) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        this.nextAttemptAt = retryAt;
    }

    /** The channel could not be reached at all (plugin stopped, account disabled): try later, uncounted. */
    void deferred(String error, Instant retryAt) {
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        this.nextAttemptAt = retryAt;
    }

    /** Due at the given time, e.g. now that the channel it waited for is back. */
    void dueAt(Instant when) {
        this.nextAttemptAt = when;
    }

    Long getId() {
        return id;
    }

    Long getMessageId() {
        return messageId;
    }

    String getChannelAccountId() {
        return channelAccountId;
    }

    int getAttempts() {
        return attempts;
    }
}
