package org.switchboard.portal.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.switchboard.portal.conversation.Priority;

/** "When intent is complaint and sentiment negative, on WhatsApp: priority urgent, team Escalations." */
@Entity
@Table(name = "triage_rule")
public class TriageRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "triage_rule_seq")
    @SequenceGenerator(name = "triage_rule_seq", sequenceName = "triage_rule_seq", allocationSize = 50)
    private Long id;

    private int position;
    private String name;
    private boolean enabled;
    private String whenIntent;
    private String whenSentiment;
    private String whenChannel;
    private String whenAttributeKey;
    private String whenAttributeValue;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Priority setPriority;

    @Column(name = "route_to_team_id")
    private Long routeToTeamId;

    /** Comma-separated, normalised. */
    @Column(name = "add_labels")
    private String addLabels;

    protected TriageRule() {
    }

    TriageRule(int position, TriageRuleView view) {
        this.position = position;
        change(view);
    }

    void change(TriageRuleView view) {
        this.name = view.name();
        this.enabled = view.enabled();
        this.whenIntent = blankToNull(view.whenIntent());
        this.whenSentiment = blankToNull(view.whenSentiment());
        this.whenChannel = blankToNull(view.whenChannel());
        this.whenAttributeKey = blankToNull(view.whenAttributeKey());
        this.whenAttributeValue = blankToNull(view.whenAttributeValue());
        this.setPriority = view.setPriority();
        this.routeToTeamId = view.routeToTeamId();
        this.addLabels = view.addLabels().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(view.addLabels()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    TriageRuleView view() {
        return new TriageRuleView(id, name, enabled, whenIntent, whenSentiment, whenChannel, whenAttributeKey,
                whenAttributeValue, setPriority, routeToTeamId, addLabels == null ? java.util.Set.of()
                        : java.util.Set.of(addLabels.split(",")));
    }

    int getPosition() {
        return position;
    }
}
