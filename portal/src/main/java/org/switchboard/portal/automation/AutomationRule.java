package org.switchboard.portal.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.Length;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored rule; its conditions and actions are JSON lists ({@link RuleJson}). */
@Entity
@Table(name = "automation_rule")
class AutomationRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_rule_seq")
    @SequenceGenerator(name = "automation_rule_seq", sequenceName = "automation_rule_seq", allocationSize = 50)
    private Long id;

    private String name;
    private boolean enabled;
    private int position;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "trigger_type")
    private AutomationTrigger trigger;

    @Column(name = "conditions_json", length = Length.LONG32)
    private String conditionsJson;

    @Column(name = "actions_json", length = Length.LONG32)
    private String actionsJson;

    private Instant createdAt;
    private Instant updatedAt;

    protected AutomationRule() {
    }

    AutomationRule(int position, AutomationRuleView rule, Instant now) {
        this.position = position;
        this.createdAt = now;
        change(rule, now);
    }

    void change(AutomationRuleView rule, Instant now) {
        this.name = rule.name();
        this.enabled = rule.enabled();
        this.trigger = rule.trigger();
        this.conditionsJson = RuleJson.writeConditions(rule.conditions());
        this.actionsJson = RuleJson.writeActions(rule.actions());
        this.updatedAt = now;
    }

    AutomationRuleView view() {
        return new AutomationRuleView(id, name, enabled, position, trigger, RuleJson.readConditions(conditionsJson),
                RuleJson.readActions(actionsJson));
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getPosition() {
        return position;
    }
}
