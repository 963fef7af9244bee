package org.switchboard.portal.collaboration;

import java.time.Instant;

/**
 * A canned response as agents see it.
 *
 * @param id           the response
 * @param shortcut     what follows "/" in the composer, e.g. {@code refund}
 * @param title        a short name
 * @param body         the text with variables such as {@code {{customer.first_name}}}
 * @param ownerAgentId the owner for a personal response, {@code null} for a shared one
 * @param updatedAt    last change
 */
public record CannedResponseView(long id, String shortcut, String title, String body, Long ownerAgentId,
        Instant updatedAt) {

    /** Whether everyone sees it. */
    public boolean shared() {
        return ownerAgentId == null;
    }
}
