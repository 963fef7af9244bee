package org.switchboard.portal.ingest;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A webhook delivery that was refused as malformed, kept as received so an admin can see what the sender sent. */
@Entity
@Table(name = "rejected_delivery")
public class RejectedDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rejected_delivery_seq")
    @SequenceGenerator(name = "rejected_delivery_seq", sequenceName = "rejected_delivery_seq", allocationSize = 50)
    private Long id;

    private String channelAccountId;
    private Instant receivedAt;
    private int status;
    private String reason;
    private String method;
    private String subPath;
    private String remoteAddress;

    @Column(name = "headers_text")
    private String headers;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body", columnDefinition = "LONGBLOB")
    private byte[] body;

    private boolean bodyTruncated;

    protected RejectedDelivery() {
    }

    RejectedDelivery(String channelAccountId, Instant receivedAt, int status, String reason, String method,
            String subPath, String remoteAddress, String headers, byte[] body, boolean bodyTruncated) {
        this.channelAccountId = channelAccountId;
        this.receivedAt = receivedAt;
        this.status = status;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.method = method;
        this.subPath = subPath.length() > 500 ? subPath.substring(0, 500) : subPath;
        this.remoteAddress = remoteAddress;
        this.headers = headers;
        this.body = body;
        this.bodyTruncated = bodyTruncated;
    }

    public Long getId() {
        return id;
    }

    public String getChannelAccountId() {
        return channelAccountId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public int getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getMethod() {
        return method;
    }

    public String getSubPath() {
        return subPath;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getHeaders() {
        return headers;
    }

    public byte[] getBody() {
        return body;
    }

    public boolean isBodyTruncated() {
        return bodyTruncated;
    }
}
