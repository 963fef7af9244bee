package org.switchboard.portal.inbox;

import java.util.Objects;
import org.switchboard.portal.conversation.ConversationStatus;

/** One change applied to many selected conversations at once. */
public sealed interface BulkAction {

    /** Assign to an agent, or unassign ({@code agentId} null). */
    record Assign(Long agentId) implements BulkAction {
    }

    /** Add a label. */
    record AddLabel(String label) implements BulkAction {
        public AddLabel {
            Objects.requireNonNull(label);
        }
    }

    /** Remove a label. */
    record RemoveLabel(String label) implements BulkAction {
        public RemoveLabel {
            Objects.requireNonNull(label);
        }
    }

    /** Change the status; {@link ConversationStatus#RESOLVED} closes. Snoozing needs a time: use the conversation. */
    record ChangeStatus(ConversationStatus status) implements BulkAction {
        public ChangeStatus {
            if (status == ConversationStatus.SNOOZED) {
                throw new InboxException("Snooze conversations one at a time, with a time to wake them.");
            }
        }
    }
}
