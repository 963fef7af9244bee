package org.switchboard.portal.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.agent.TeamRepository;
import org.switchboard.portal.conversation.AiDecisions;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationWorkflow;

/**
 * Admins' triage rules, and applying them: every enabled rule whose conditions all hold acts, in order. Priority
 * is only ever raised; a team is set only when the conversation has none (an agent's routing wins); labels are
 * added. A rule's SLA effect is through the priority it sets: the SLA policy follows the priority (see sla).
 */
@Service
public class TriageRules {

    private final TriageRuleRepository rules;
    private final TeamRepository teams;
    private final AiDecisions decisions;
    private final ConversationWorkflow workflow;

    TriageRules(TriageRuleRepository rules, TeamRepository teams, AiDecisions decisions,
            ConversationWorkflow workflow) {
        this.workflow = workflow;
        this.rules = rules;
        this.teams = teams;
        this.decisions = decisions;
    }

    @Transactional(readOnly = true)
    public List<TriageRuleView> list() {
        return rules.findAllByOrderByPositionAscIdAsc().stream().map(TriageRule::view).toList();
    }

    /**
     * Saves a rule (new when its id is {@code null}).
     *
     * @throws IllegalArgumentException when it has no name, no condition or no action
     */
    @Transactional
    public TriageRuleView save(TriageRuleView asTyped) {
        TriageRuleView rule = withNormalizedLabels(asTyped);
        if (rule.name() == null || rule.name().isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        boolean condition = notBlank(rule.whenIntent()) || notBlank(rule.whenSentiment())
                || notBlank(rule.whenChannel()) || notBlank(rule.whenAttributeKey());
        if (!condition) {
            throw new IllegalArgumentException("a rule needs at least one condition");
        }
        if (rule.setPriority() == null && rule.routeToTeamId() == null && rule.addLabels().isEmpty()) {
            throw new IllegalArgumentException("a rule needs an action: a priority, a team or labels");
        }
        if (rule.id() == null) {
            int position = rules.findAllByOrderByPositionAscIdAsc().size();
            return rules.save(new TriageRule(position, rule)).view();
        }
        TriageRule existing = rules.findById(rule.id()).orElseThrow(() -> new IllegalArgumentException(
                "no rule " + rule.id()));
        existing.change(rule);
        return existing.view();
    }

    private static TriageRuleView withNormalizedLabels(TriageRuleView rule) {
        try {
            return new TriageRuleView(rule.id(), rule.name(), rule.enabled(), rule.whenIntent(), rule.whenSentiment(),
                    rule.whenChannel(), rule.whenAttributeKey(), rule.whenAttributeValue(), rule.setPriority(),
                    rule.routeToTeamId(), rule.addLabels().stream().map(ConversationWorkflow::normalizeLabel)
                            .collect(java.util.stream.Collectors.toSet()));
        } catch (ConversationOperationException badLabel) {
            throw new IllegalArgumentException(badLabel.getMessage(), badLabel);
        }
    }

    @Transactional
    public void delete(long id) {
        rules.deleteById(id);
    }

    /** The teams a rule can route to (created from the rules page when missing). */
    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAllByOrderByName();
    }

    @Transactional
    public Team team(String name) {
        return teams.findByNameIgnoreCase(name.strip()).orElseGet(() -> teams.save(new Team(name.strip(),
                java.time.Instant.now())));
    }

    /** Applies the matching rules to a conversation; returns the names of those that acted. */
    public List<String> apply(long conversationId, TriageFacts facts) {
        List<String> applied = new ArrayList<>();
        for (TriageRuleView rule : list()) {
            if (!rule.matches(facts)) {
                continue;
            }
            if (rule.setPriority() != null) {
                decisions.prioritised(conversationId, rule.setPriority(), "rule " + rule.name());
            }
            if (rule.routeToTeamId() != null) {
                decisions.routed(conversationId, rule.routeToTeamId(), "rule " + rule.name());
            }
            if (!rule.addLabels().isEmpty()) {
                ConflictRetry.retry(() -> workflow.changeLabels(conversationId, rule.addLabels(), Set.of(), null));
            }
            applied.add(rule.name());
        }
        return applied;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
