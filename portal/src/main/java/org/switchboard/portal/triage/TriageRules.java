package org.switchboard.portal.triage;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.agent.TeamRepository;
import org.switchboard.portal.conversation.AiDecisions;

/**
 * Admins' triage rules, and applying them: every enabled rule whose conditions all hold acts, in order. Priority
 * is only ever raised; a team is set only when the conversation has none (an agent's routing wins).
 */
@Service
public class TriageRules {

    private final TriageRuleRepository rules;
    private final TeamRepository teams;
    private final AiDecisions decisions;

    TriageRules(TriageRuleRepository rules, TeamRepository teams, AiDecisions decisions) {
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
    public TriageRuleView save(TriageRuleView rule) {
        if (rule.name() == null || rule.name().isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        boolean condition = notBlank(rule.whenIntent()) || notBlank(rule.whenSentiment())
                || notBlank(rule.whenChannel()) || notBlank(rule.whenAttributeKey());
        if (!condition) {
            throw new IllegalArgumentException("a rule needs at least one condition");
        }
        if (rule.setPriority() == null && rule.routeToTeamId() == null) {
            throw new IllegalArgumentException("a rule needs an action: a priority or a team");
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
            applied.add(rule.name());
        }
        return applied;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
