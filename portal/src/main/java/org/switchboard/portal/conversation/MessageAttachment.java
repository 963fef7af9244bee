package org.switchboard.portal.conversation;

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
import org.switchboard.plugin.api.channel.Attachment;

/** A file that came with a message; its bytes are loaded only when someone downloads it. */
@Entity
@Table(name = "message_attachment")
public class MessageAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_attachment_seq")
    @SequenceGenerator(name = "message_attachment_seq", sequenceName = "message_attachment_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    private String fileName;
    private String contentType;
    private long sizeBytes;

    @Column(name = "inline_part")
    private boolean inline;

    private String contentId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", columnDefinition = "LONGBLOB")
    private byte[] content;

    protected MessageAttachment() {
    }

    MessageAttachment(Long messageId, Attachment attachment) {
        this.messageId = messageId;
        this.fileName = clip(attachment.fileName().isBlank() ? "attachment" : attachment.fileName());
        this.contentType = clip(attachment.contentType().isBlank() ? "application/octet-stream"
                : attachment.contentType());
        this.sizeBytes = attachment.content().length;
        this.inline = attachment.inline();
        this.contentId = attachment.contentId() == null ? null : clip(attachment.contentId());
        this.content = attachment.content();
    }

    private static String clip(String value) {
        return value.length() > 255 ? value.substring(0, 255) : value;
    }

    public Long getId() {
        return id;
    }

    public Long getMessageId() {
        return messageId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public boolean isInline() {
        return inline;
    }

    public String getContentId() {
        return contentId;
    }

    public byte[] getContent() {
        return content;
    }
}
