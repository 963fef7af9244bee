package org.switchboard.portal.collaboration;

import java.util.List;

/**
 * A stored note and the colleagues it mentions.
 *
 * @param messageId the note's message id
 * @param mentioned the colleagues mentioned (each is notified, except the author)
 */
public record NoteAdded(long messageId, List<Teammate> mentioned) {
}
