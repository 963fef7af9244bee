package org.switchboard.portal.automation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.collaboration.AgentNotifications;
import org.switchboard.portal.collaboration.CannedResponseRenderer;
import org.switchboard.portal.collaboration.CannedResponseView;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.collaboration.RenderedResponse;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.outbound.ReplyService;
import org.switchboard.portal.routing.AgentAvailability;
import org.switchboard.portal.routing.TeamSummary;
import org.switchboard.portal.routing.Teams;

/**
 * Carries out a rule's actions, in order, each through the service that owns the change (its own transaction,
 * retried on a concurrent change). An action with nothing to do (the label is there already) is skipped quietly; one
 * that fails (a deleted team, a closed reply window) is noted and the next one runs.
 */
@Component
class RuleActions {

    private static final Logger log = LoggerFactory.getLogger(RuleActions.class);

    private final ConversationWorkflow workflow;
    private final ConversationStore store;
    private final ReplyService replies;
    private final CannedResponses cannedResponses;
    private final CannedResponseRenderer renderer;
    private final AgentNotifications notifications;
    private final Teams teams;
    private final AutomationChoices choices;
    private final Baselines baselines;
    private final AutomationProperties properties;

    RuleActions(ConversationWorkflow workflow, ConversationStore store, ReplyService replies,
            CannedResponses cannedResponses, CannedResponseRenderer renderer, AgentNotifications notifications,
            Teams teams, AutomationChoices choices, Baselines baselines, AutomationProperties properties) {
        this.workflow = workflow;
        this.store = store;
        this.replies = replies;
        this.cannedResponses = cannedResponses;
        this.renderer = renderer;
        this.notifications = notifications;
        this.teams = teams;
        this.choices = choices;
        this.baselines = baselines;
        this.properties = properties;
    }

    RuleOutcome apply(AutomationRuleView rule, RuleFacts facts) {
        RuleOutcome outcome = new RuleOutcome();
        for (RuleAction action : rule.actions()) {
            try {
                apply(rule, action, facts, outcome);
            } catch (RuntimeException e) {
                outcome.failed(describe(action) + ": " + reason(e));
                log.info("Automation rule \"{}\" could not {} on conversation {}: {}", rule.name(), describe(action),
                        facts.conversationId(), e.toString());
            }
        }
        return outcome;
    }

    private void apply(AutomationRuleView rule, RuleAction action, RuleFacts facts, RuleOutcome outcome) {
        long id = facts.conversationId();
        ConversationSummary now = facts.conversation();
        String why = "rule " + rule.name();
        switch (action.type()) {
            case ASSIGN_TEAM -> {
                TeamSummary team = choices.team(action.id())
                        .orElseThrow(() -> new ActionFailed("team #" + action.value() + " no longer exists"));
                if (!Long.valueOf(team.id()).equals(now.teamId())) {
                    ConflictRetry.retry(() -> workflow.transferToTeam(id, team.id(), why, null));
                    baselines.absorbTeam(id, team.id());
                    outcome.done("team " + team.name(), true);
                    facts.refresh();
                }
            }
            case ASSIGN_AGENT -> {
                AgentAvailability agent = choices.agent(action.id()).orElseThrow(() -> new ActionFailed(
                        "agent #" + action.value() + " no longer exists or is disabled"));
                if (!Long.valueOf(agent.agentId()).equals(now.assigneeId())) {
                    ConflictRetry.retry(() -> store.assign(id, agent.agentId(), null, why));
                    baselines.absorbAssignee(id, agent.agentId());
                    outcome.done("assigned to " + agent.displayName(), true);
                    facts.refresh();
                }
            }
            case UNASSIGN -> {
                if (now.assigneeId() != null) {
                    ConflictRetry.retry(() -> store.assign(id, null, null, why));
                    baselines.absorbAssignee(id, null);
                    outcome.done("unassigned", true);
                    facts.refresh();
                }
            }
            case ADD_LABEL, REMOVE_LABEL -> label(action, facts, outcome);
            case SET_PRIORITY -> {
                Priority priority = Priority.valueOf(action.value());
                if (now.priority() != priority) {
                    ConflictRetry.retry(() -> workflow.changePriority(id, priority, null));
                    baselines.absorbPriority(id, priority);
                    outcome.done("priority " + priority, true);
                    facts.refresh();
                }
            }
            case SET_STATUS -> status(action, facts, outcome);
            case SEND_CANNED_REPLY -> cannedReply(rule, action, facts, outcome);
            case NOTIFY -> notify(rule, action, facts, outcome);
        }
    }

    private void label(RuleAction action, RuleFacts facts, RuleOutcome outcome) {
        boolean add = action.type() == ActionType.ADD_LABEL;
        String label = action.value();
        if (facts.conversation().labels().contains(label) == add) {
            return;
        }
        Set<String> adding = add ? Set.of(label) : Set.of();
        Set<String> removing = add ? Set.of() : Set.of(label);
        ConflictRetry.retry(() -> workflow.changeLabels(facts.conversationId(), adding, removing, null));
        baselines.absorbLabels(facts.conversationId(), adding, removing);
        outcome.done((add ? "+" : "-") + label, true);
        facts.refresh();
    }

    private void status(RuleAction action, RuleFacts facts, RuleOutcome outcome) {
        ConversationStatus status = ConversationStatus.valueOf(action.value());
        if (facts.conversation().status() == status) {
            return;
        }
        long id = facts.conversationId();
        if (status == ConversationStatus.SNOOZED) {
            ConflictRetry.retry(() -> workflow.snooze(id, null, null));
        } else {
            ConflictRetry.retry(() -> store.changeStatus(id, status, null));
        }
        baselines.absorbStatus(id, status);
        outcome.done(status == ConversationStatus.SNOOZED ? "snoozed until the customer replies"
                : "status " + status, true);
        facts.refresh();
    }

    /*
     * Sent as the assignee when there is one (the customer talks to them), else as the team; recorded as a bot
     * reply with the rule as its decision. A response with a variable the portal does not know is not sent: a
     * customer must never see "{{customer.nmae}}".
     */
    private void cannedReply(AutomationRuleView rule, RuleAction action, RuleFacts facts, RuleOutcome outcome) {
        CannedResponseView response = cannedResponses.find(action.id()).filter(CannedResponseView::shared)
                .orElseThrow(() -> new ActionFailed("shared canned response #" + action.value()
                        + " no longer exists"));
        ConversationSummary now = facts.conversation();
        String author = now.assigneeName() != null ? now.assigneeName() : properties.senderName();
        AgentView sender = new AgentView(now.assigneeId() == null ? 0 : now.assigneeId(), "", author, Set.of(), true,
                false);
        RenderedResponse rendered = renderer.render(response.body(), facts.conversationId(), sender);
        if (!rendered.unknown().isEmpty()) {
            throw new ActionFailed("/" + response.shortcut() + " uses unknown variables "
                    + rendered.unknown().stream().map(v -> "{{" + v + "}}").toList() + "; not sent");
        }
        replies.replyAsAssistant(facts.conversationId(), author, rendered.text(), "rule " + rule.name());
        outcome.done("sent /" + response.shortcut() + (rendered.missing().isEmpty() ? ""
                : " (no value for " + String.join(", ", rendered.missing()) + ")"), false);
    }

    private void notify(AutomationRuleView rule, RuleAction action, RuleFacts facts, RuleOutcome outcome) {
        ConversationSummary now = facts.conversation();
        Set<Long> recipients = new LinkedHashSet<>();
        switch (action.recipients()) {
            case AGENTS -> {
                Set<Long> enabled = new java.util.HashSet<>(choices.agents().stream()
                        .map(AgentAvailability::agentId).toList());
                List<Long> gone = new ArrayList<>();
                for (Long agentId : action.agentIds()) {
                    if (enabled.contains(agentId)) {
                        recipients.add(agentId);
                    } else {
                        gone.add(agentId);
                    }
                }
                if (!gone.isEmpty()) {
                    outcome.failed("notify agents " + gone.stream().map(a -> "#" + a).toList()
                            + ": no longer exist or are disabled");
                }
            }
            case ASSIGNEE -> {
                if (now.assigneeId() == null) {
                    throw new ActionFailed("nobody is assigned");
                }
                recipients.add(now.assigneeId());
            }
            case TEAM -> {
                if (now.teamId() == null) {
                    throw new ActionFailed("the conversation has no team");
                }
                teams.members(now.teamId()).forEach(m -> recipients.add(m.agentId()));
                if (recipients.isEmpty()) {
                    throw new ActionFailed("team " + now.teamName() + " has no members");
                }
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        notifications.notifyByRule(recipients, facts.conversationId(), rule.name(), action.message());
        outcome.done("notified " + recipients.size() + (recipients.size() == 1 ? " agent" : " agents"), false);
    }

    private static String describe(RuleAction action) {
        return switch (action.type()) {
            case ASSIGN_TEAM -> "assign team #" + action.value();
            case ASSIGN_AGENT -> "assign agent #" + action.value();
            case UNASSIGN -> "unassign";
            case ADD_LABEL -> "add label " + action.value();
            case REMOVE_LABEL -> "remove label " + action.value();
            case SET_PRIORITY -> "set priority " + action.value();
            case SET_STATUS -> "set status " + action.value();
            case SEND_CANNED_REPLY -> "send canned response #" + action.value();
            case NOTIFY -> "notify " + action.value().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** An action that cannot be done; its message goes into the conversation's AUTOMATION_APPLIED event. */
    static final class ActionFailed extends RuntimeException {

        ActionFailed(String message) {
            super(message);
        }
    }
}
