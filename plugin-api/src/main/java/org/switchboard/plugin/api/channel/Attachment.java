package org.switchboard.plugin.api.channel;

import java.util.Objects;

/**
 * A file carried by a message.
 *
 * @param fileName    the file's name
 * @param contentType its MIME type
 * @param content     its bytes
 * @param inline      whether it is referenced from the HTML body (an inline image)
 * @param contentId   the MIME Content-ID for inline parts, or {@code null}
 * @since 0.1.0
 */
public record Attachment(String fileName, String contentType, byte[] content, boolean inline, String contentId) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
