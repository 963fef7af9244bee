package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.portal.agent.Team;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.triage.TriageRuleView;
import org.switchboard.portal.triage.TriageRules;

/** Admins say what intent, sentiment, channel and customer attributes mean for priority and routing. */
@Route("admin/triage")
@PageTitle("Triage rules · Switchboard")
@RolesAllowed("ADMIN")
public class TriageRulesView extends VerticalLayout {

    final Grid<TriageRuleView> rules = new Grid<>();
    final TextField name = new TextField("Rule");
    final TextField intent = new TextField("When intent is");
    final TextField sentiment = new TextField("and sentiment is");
    final TextField channel = new TextField("and channel is");
    final TextField attributeKey = new TextField("and attribute");
    final TextField attributeValue = new TextField("equals");
    final ComboBox<Priority> priority = new ComboBox<>("Set priority");
    final TextField team = new TextField("Route to team");
    final TextField labels = new TextField("Add labels");
    final Button save = new Button("Add rule");
    private final TriageRules triage;

    TriageRulesView(TriageRules triage) {
        this.triage = triage;
        rules.setId("triage-rules");
        rules.addColumn(TriageRuleView::name).setHeader("Rule").setAutoWidth(true);
        rules.addColumn(this::conditions).setHeader("When").setFlexGrow(1);
        rules.addColumn(this::actions).setHeader("Then").setAutoWidth(true);
        rules.addComponentColumn(r -> new Button("Delete", e -> {
            triage.delete(r.id());
            refresh();
        })).setAutoWidth(true);
        rules.setAllRowsVisible(true);
        intent.setPlaceholder("complaint");
        sentiment.setPlaceholder("negative");
        channel.setPlaceholder("whatsapp");
        priority.setItems(Priority.values());
        priority.setClearButtonVisible(true);
        team.setPlaceholder("Escalations");
        labels.setPlaceholder("vip, complaint");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        refresh();
        HorizontalLayout when = new HorizontalLayout(intent, sentiment, channel, attributeKey, attributeValue);
        HorizontalLayout then = new HorizontalLayout(priority, team, labels, save);
        then.setAlignItems(Alignment.BASELINE);
        add(new H3("Triage rules"), rules, name, when, then);
    }

    void save() {
        try {
            Long teamId = team.getValue().isBlank() ? null : triage.team(team.getValue()).getId();
            triage.save(new TriageRuleView(null, name.getValue(), true, intent.getValue(), sentiment.getValue(),
                    channel.getValue(), attributeKey.getValue(), attributeValue.getValue(), priority.getValue(),
                    teamId, java.util.Arrays.stream(labels.getValue().split(",")).map(String::strip)
                            .filter(l -> !l.isEmpty()).collect(Collectors.toSet())));
            name.clear();
            refresh();
        } catch (IllegalArgumentException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        rules.setItems(triage.list());
    }

    private String conditions(TriageRuleView rule) {
        StringBuilder text = new StringBuilder();
        append(text, "intent", rule.whenIntent());
        append(text, "sentiment", rule.whenSentiment());
        append(text, "channel", rule.whenChannel());
        if (rule.whenAttributeKey() != null) {
            append(text, rule.whenAttributeKey(), rule.whenAttributeValue() == null ? "" : rule.whenAttributeValue());
        }
        return text.toString();
    }

    private String actions(TriageRuleView rule) {
        Map<Long, String> teams = triage.teams().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        return (rule.setPriority() == null ? "" : "priority " + rule.setPriority().name().toLowerCase() + " ")
                + (rule.routeToTeamId() == null ? "" : "team " + teams.getOrDefault(rule.routeToTeamId(), "?") + " ")
                + (rule.addLabels().isEmpty() ? "" : "labels " + String.join(", ", new java.util.TreeSet<>(
                        rule.addLabels())));
    }

    private static void append(StringBuilder text, String what, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : " and ").append(what).append(" = ").append(value);
        }
    }
}
