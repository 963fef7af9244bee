package org.switchboard.portal.automation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.cache.SettingsCache;

/**
 * The automation rules admins configure: listed in the order they run, created, changed, enabled and disabled,
 * moved up and down, deleted. Only admins change rules and supervisors may look (checked here, on the server);
 * every change is audited. Rules run in {@link AutomationEngine}.
 */
@Service
public class AutomationRules {

    /** Audit actions, stable strings (they are stored). */
    public static final String AUDIT_CREATED = "automation-rule.created";
    public static final String AUDIT_UPDATED = "automation-rule.updated";
    public static final String AUDIT_ENABLED = "automation-rule.enabled";
    public static final String AUDIT_DISABLED = "automation-rule.disabled";
    public static final String AUDIT_MOVED = "automation-rule.moved";
    public static final String AUDIT_DELETED = "automation-rule.deleted";

    private final AutomationRuleRepository rules;
    private final RuleValidator validator;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /* Read for every stored message; rules change a few times a day. */
    private final SettingsCache<AutomationTrigger, List<AutomationRuleView>> enabledByTrigger =
            new SettingsCache<>(Duration.ofSeconds(5));

    AutomationRules(AutomationRuleRepository rules, RuleValidator validator, AuditLog audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.rules = rules;
        this.validator = validator;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** All rules in the order they run (supervisors and admins). */
    @Transactional(readOnly = true)
    public List<AutomationRuleView> list() {
        RoleCheck.require("see automation rules", Role.SUPERVISOR, Role.ADMIN);
        return rules.findAllByOrderByPositionAscIdAsc().stream().map(AutomationRule::view).toList();
    }

    /**
     * Saves a rule, new when its id is {@code null} (it then runs after the existing ones). Admins only.
     *
     * @throws AutomationException when it is incomplete or names a team, agent, canned response or attribute that
     *                             does not exist, or its name is taken; nothing is saved
     */
    public AutomationRuleView save(AutomationRuleView rule) {
        RoleCheck.require("change automation rules", Role.ADMIN);
        AutomationRuleView clean = validator.check(rule);
        AutomationRuleView saved;
        try {
            saved = transaction.execute(status -> {
                rules.findByNameIgnoreCase(clean.name()).filter(other -> !other.getId().equals(clean.id()))
                        .ifPresent(other -> {
                            throw taken(clean.name());
                        });
                if (clean.id() == null) {
                    int position = rules.findAllByOrderByPositionAscIdAsc().stream()
                            .mapToInt(AutomationRule::getPosition).max().orElse(-1) + 1;
                    return rules.saveAndFlush(new AutomationRule(position, clean, clock.instant())).view();
                }
                AutomationRule existing = find(clean.id());
                existing.change(clean, clock.instant());
                rules.flush();
                return existing.view();
            });
        } catch (DataIntegrityViolationException sameNameAtOnce) {
            throw taken(clean.name());
        }
        enabledByTrigger.invalidateAll();
        audit.record(RoleCheck.actor(), clean.id() == null ? AUDIT_CREATED : AUDIT_UPDATED,
                target(saved.id()), describe(saved));
        return saved;
    }

    /** Switches a rule on or off (admins only). */
    public void setEnabled(long id, boolean enabled) {
        RoleCheck.require("change automation rules", Role.ADMIN);
        String name = transaction.execute(status -> {
            AutomationRule rule = find(id);
            if (rule.isEnabled() == enabled) {
                return null;
            }
            rule.enable(enabled, clock.instant());
            return rule.getName();
        });
        enabledByTrigger.invalidateAll();
        if (name != null) {
            audit.record(RoleCheck.actor(), enabled ? AUDIT_ENABLED : AUDIT_DISABLED, target(id), name);
        }
    }

    /** Moves a rule one place earlier ({@code up}) or later in the order rules run (admins only). */
    public void move(long id, boolean up) {
        RoleCheck.require("change automation rules", Role.ADMIN);
        String moved = transaction.execute(status -> {
            List<AutomationRule> ordered = new ArrayList<>(rules.findAllByOrderByPositionAscIdAsc());
            int at = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).getId() == id) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new AutomationException("This rule no longer exists.");
            }
            int to = up ? at - 1 : at + 1;
            if (to < 0 || to >= ordered.size()) {
                return null;
            }
            ordered.add(to, ordered.remove(at));
            for (int i = 0; i < ordered.size(); i++) {
                ordered.get(i).moveTo(i);
            }
            return ordered.get(to).getName() + " -> position " + (to + 1);
        });
        enabledByTrigger.invalidateAll();
        if (moved != null) {
            audit.record(RoleCheck.actor(), AUDIT_MOVED, target(id), moved);
        }
    }

    /** Deletes a rule (admins only); what it did stays in the conversations' events. */
    public void delete(long id) {
        RoleCheck.require("change automation rules", Role.ADMIN);
        String name = transaction.execute(status -> {
            AutomationRule rule = find(id);
            rules.delete(rule);
            return rule.getName();
        });
        enabledByTrigger.invalidateAll();
        audit.record(RoleCheck.actor(), AUDIT_DELETED, target(id), name);
    }

    /**
     * The enabled rules of a trigger, in order (for the engine; no role needed). Cached: a change made here is seen
     * at once, one made on another node within seconds.
     */
    List<AutomationRuleView> enabled(AutomationTrigger trigger) {
        return enabledByTrigger.get(trigger, t -> transaction.execute(status -> rules
                .findByTriggerAndEnabledTrueOrderByPositionAscIdAsc(t).stream().map(AutomationRule::view).toList()));
    }

    private AutomationRule find(long id) {
        return rules.findById(id).orElseThrow(() -> new AutomationException("This rule no longer exists."));
    }

    private static AutomationException taken(String name) {
        return new AutomationException("A rule named “" + name + "” exists already.");
    }

    private static String target(Long id) {
        return "automation-rule:" + id;
    }

    private static String describe(AutomationRuleView rule) {
        return rule.name() + " (" + rule.trigger().name() + ", " + rule.conditions().size() + " condition"
                + (rule.conditions().size() == 1 ? "" : "s") + ", " + rule.actions().size() + " action"
                + (rule.actions().size() == 1 ? "" : "s") + (rule.enabled() ? "" : ", disabled") + ")";
    }
}
