package org.switchboard.plugins.email;

import java.util.List;
import org.switchboard.plugin.api.channel.Attachment;

/**
 * What the MIME tree of one message holds for a reader.
 *
 * @param text        the plain text body, or {@code null} when the message has none
 * @param html        the HTML body (unsanitised), or {@code null}
 * @param attachments files and inline images, in order of appearance
 */
record MailBody(String text, String html, List<Attachment> attachments) {
}
