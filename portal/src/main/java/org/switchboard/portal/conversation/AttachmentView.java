package org.switchboard.portal.conversation;

/**
 * A message's file as a conversation shows it (no bytes).
 *
 * @param id          the attachment id, for downloading
 * @param messageId   its message
 * @param fileName    file name
 * @param contentType MIME type
 * @param sizeBytes   size
 * @param inline      an inline part of an HTML body (e.g. an email's embedded image)
 */
public record AttachmentView(long id, long messageId, String fileName, String contentType, long sizeBytes,
        boolean inline) {

    /** Whether a browser can preview it as an image. */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
