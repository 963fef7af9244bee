package org.switchboard.portal.automation;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationWorkflow;

/**
 * Runs one job: the enabled rules of its trigger, in position order; each whose conditions all hold acts, and what
 * it did (or failed to do) is recorded on the conversation as an AUTOMATION_APPLIED event. Every rule sees the
 * conversation as the rules before it left it. Nothing here throws to the caller: a failure is logged and the next
 * rule, or job, runs.
 */
@Component
class AutomationEngine {

    private static final Logger log = LoggerFactory.getLogger(AutomationEngine.class);

    private final AutomationRules rules;
    private final RuleFacts.Reader facts;
    private final RuleActions actions;
    private final Baselines baselines;
    private final ConversationWorkflow workflow;
    private final RunawayGuard guard;

    AutomationEngine(AutomationRules rules, RuleFacts.Reader facts, RuleActions actions, Baselines baselines,
            ConversationWorkflow workflow, RunawayGuard guard) {
        this.rules = rules;
        this.facts = facts;
        this.actions = actions;
        this.baselines = baselines;
        this.workflow = workflow;
        this.guard = guard;
    }

    void run(AutomationJob job) {
        RuleRun.during(() -> {
            try {
                runOrThrow(job);
            } catch (RuntimeException e) {
                log.warn("Automation rules failed for {} on conversation {}: {}", job.trigger(),
                        job.conversationId(), e.toString());
            }
        });
    }

    /**
     * The update checks of many conversations (those one transaction changed): one read compares them all with
     * their baselines, then the update rules run, in the given order, for each where a watched attribute changed.
     */
    void runUpdateChecks(List<Long> conversationIds) {
        RuleRun.during(() -> {
            Set<Long> changed;
            try {
                changed = baselines.observeAll(conversationIds).keySet();
            } catch (RuntimeException e) {
                log.warn("Automation update checks of {} conversations failed: {}", conversationIds.size(),
                        e.toString());
                return;
            }
            applyEach(AutomationTrigger.CONVERSATION_UPDATED,
                    conversationIds.stream().filter(changed::contains).toList());
        });
    }

    /**
     * New conversations (those one transaction created): their baselines start in one statement, then the
     * creation rules run for each, in the given order.
     */
    void runCreated(List<Long> conversationIds) {
        RuleRun.during(() -> {
            try {
                baselines.startAll(conversationIds);
            } catch (RuntimeException e) {
                log.warn("Automation could not start watching {} new conversations: {}", conversationIds.size(),
                        e.toString());
                return;
            }
            applyEach(AutomationTrigger.CONVERSATION_CREATED, conversationIds);
        });
    }

    private void applyEach(AutomationTrigger trigger, List<Long> conversationIds) {
        for (Long id : conversationIds) {
            try {
                applyRules(AutomationJob.of(trigger, id));
            } catch (RuntimeException e) {
                log.warn("Automation rules failed for {} on conversation {}: {}", trigger, id, e.toString());
            }
        }
    }

    private void runOrThrow(AutomationJob job) {
        switch (job.trigger()) {
            case CONVERSATION_CREATED -> baselines.startAll(List.of(job.conversationId()));
            case CONVERSATION_UPDATED -> {
                // Kept up to date even without rules, so a rule created later compares with the truth.
                if (baselines.observe(job.conversationId()).isEmpty()) {
                    return;
                }
            }
            default -> {
                // MESSAGE_CREATED and SLA_BREACHED need nothing beforehand.
            }
        }
        applyRules(job);
    }

    private void applyRules(AutomationJob job) {
        List<AutomationRuleView> enabled = rules.enabled(job.trigger());
        if (!enabled.isEmpty()) {
            facts.facts(job).ifPresent(f -> evaluate(job, enabled, f));
        }
    }

    /* Said once on the conversation, so whoever wonders why rules stopped acting there finds out. */
    private void pause(long conversationId) {
        log.warn("Automation rules acted {} times within {} on conversation {}; paused there for a while (a loop"
                + " between a rule and another automatic change?)", RunawayGuard.LIMIT, RunawayGuard.WINDOW,
                conversationId);
        String detail = "rules paused: they acted " + RunawayGuard.LIMIT + " times within a minute (a loop with"
                + " routing or another automatic change?); they run again after a minute";
        ConflictRetry.retry(() -> workflow.recordEvent(conversationId, ConversationEventType.AUTOMATION_APPLIED, null,
                detail));
    }

    private void evaluate(AutomationJob job, List<AutomationRuleView> enabled, RuleFacts current) {
        for (AutomationRuleView rule : enabled) {
            try {
                if (!ConditionMatcher.all(rule.conditions(), current)) {
                    continue;
                }
                if (!guard.allows(current.conversationId())) {
                    log.debug("Automation paused on conversation {}: rule \"{}\" skipped", job.conversationId(),
                            rule.name());
                    continue;
                }
                RuleOutcome outcome = actions.apply(rule, current);
                if (outcome.anything()) {
                    String detail = outcome.describe(rule.name());
                    ConflictRetry.retry(() -> workflow.recordEvent(current.conversationId(),
                            ConversationEventType.AUTOMATION_APPLIED, null, detail));
                    if (guard.acted(current.conversationId())) {
                        pause(current.conversationId());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Automation rule \"{}\" failed on conversation {} ({}): {}", rule.name(),
                        job.conversationId(), job.trigger(), e.toString());
            }
        }
    }
}
