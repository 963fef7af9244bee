package org.switchboard.portal.automation;

import java.util.List;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/**
 * One action of a rule; a rule's actions run in order, and one failing does not stop the others.
 *
 * @param type     what it does
 * @param value    its argument: the team, agent or canned response id, the label, the priority or status name, or
 *                 the {@link NotifyRecipients} name; {@code null} for unassign
 * @param agentIds for {@link NotifyRecipients#AGENTS}, the agents to notify; else empty
 * @param message  for {@link ActionType#NOTIFY}, the text agents see; else {@code null}
 */
public record RuleAction(ActionType type, String value, List<Long> agentIds, String message) {

    public RuleAction {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }

    public static RuleAction assignTeam(long teamId) {
        return new RuleAction(ActionType.ASSIGN_TEAM, Long.toString(teamId), null, null);
    }

    public static RuleAction assignAgent(long agentId) {
        return new RuleAction(ActionType.ASSIGN_AGENT, Long.toString(agentId), null, null);
    }

    public static RuleAction unassign() {
        return new RuleAction(ActionType.UNASSIGN, null, null, null);
    }

    public static RuleAction addLabel(String label) {
        return new RuleAction(ActionType.ADD_LABEL, label, null, null);
    }

    public static RuleAction removeLabel(String label) {
        return new RuleAction(ActionType.REMOVE_LABEL, label, null, null);
    }

    public static RuleAction priority(Priority priority) {
        return new RuleAction(ActionType.SET_PRIORITY, priority.name(), null, null);
    }

    /** {@link ConversationStatus#SNOOZED} snoozes until the customer replies. */
    public static RuleAction status(ConversationStatus status) {
        return new RuleAction(ActionType.SET_STATUS, status.name(), null, null);
    }

    public static RuleAction cannedReply(long cannedResponseId) {
        return new RuleAction(ActionType.SEND_CANNED_REPLY, Long.toString(cannedResponseId), null, null);
    }

    public static RuleAction notifyAgents(List<Long> agentIds, String message) {
        return new RuleAction(ActionType.NOTIFY, NotifyRecipients.AGENTS.name(), agentIds, message);
    }

    public static RuleAction notify(NotifyRecipients recipients, String message) {
        return new RuleAction(ActionType.NOTIFY, recipients.name(), null, message);
    }

    /** The value as an id (team, agent, canned response). */
    long id() {
        return Long.parseLong(value.strip());
    }

    NotifyRecipients recipients() {
        return NotifyRecipients.valueOf(value);
    }
}
