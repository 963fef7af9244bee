package org.switchboard.portal.ui;

import org.springframework.stereotype.Component;
import org.switchboard.portal.collaboration.AgentNotifications;
import org.switchboard.portal.collaboration.CannedResponseRenderer;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.collaboration.ConversationPresence;
import org.switchboard.portal.collaboration.PrivateNotes;
import org.switchboard.portal.collaboration.ReplyCollisions;
import org.switchboard.portal.collaboration.Teammates;

/** Makes reply composers (one per conversation view) and holds the collaboration services the view uses. */
@Component
class ReplyComposers {

    final CannedResponses canned;
    final CannedResponseRenderer renderer;
    final Teammates teammates;
    final ConversationPresence presence;
    final PrivateNotes notes;
    final ReplyCollisions collisions;
    final AgentNotifications notifications;

    ReplyComposers(CannedResponses canned, CannedResponseRenderer renderer, Teammates teammates,
            ConversationPresence presence, PrivateNotes notes, ReplyCollisions collisions,
            AgentNotifications notifications) {
        this.canned = canned;
        this.renderer = renderer;
        this.teammates = teammates;
        this.presence = presence;
        this.notes = notes;
        this.collisions = collisions;
        this.notifications = notifications;
    }

    ReplyComposer create(ReplyComposer.Host host) {
        return new ReplyComposer(this, host);
    }
}
