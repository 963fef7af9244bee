package org.switchboard.portal.conversation;

/**
 * A file with its bytes.
 *
 * @param fileName    file name
 * @param contentType MIME type
 * @param content     the bytes
 */
public record AttachmentContent(String fileName, String contentType, byte[] content) {
}
