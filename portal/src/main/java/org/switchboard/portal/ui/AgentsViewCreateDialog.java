package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.function.Consumer;
import org.switchboard.portal.agent.AgentAdministration;
import org.switchboard.portal.agent.AgentException;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.NewAgent;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.routing.TeamSummary;
import org.switchboard.portal.routing.Teams;

/**
 * Adding a user: by email invitation (they choose their password through a link) or with a one-time password the
 * admin hands over, shown once.
 */
class AgentsViewCreateDialog extends Dialog {

    static final String INVITE = "Invite by email";
    static final String ONE_TIME = "Create with a one-time password";

    final TextField name = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final MultiSelectComboBox<TeamSummary> teams = new MultiSelectComboBox<>("Teams");
    final RadioButtonGroup<String> how = new RadioButtonGroup<>("How they get in");
    final ComboBox<ChannelAccountView> sender = new ComboBox<>("Send from email account");
    final Button create = new Button("Add user");
    final Paragraph problem = new Paragraph();

    private final AgentAdministration agents;
    private final Teams teamService;
    private final Consumer<Created> done;

    /** What was created; the one-time password is {@code null} for an invitation. */
    record Created(AgentView agent, String oneTimePassword) {
    }

    AgentsViewCreateDialog(AgentAdministration agents, Teams teamService, Consumer<Created> done) {
        this.agents = agents;
        this.teamService = teamService;
        this.done = done;
        setHeaderTitle("Add a user");
        name.setId("new-agent-name");
        email.setId("new-agent-email");
        roles.setId("new-agent-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(AgentsView::label);
        roles.setValue(Set.of(Role.AGENT));
        teams.setId("new-agent-teams");
        teams.setItems(teamService.listTeams());
        teams.setItemLabelGenerator(TeamSummary::name);
        how.setId("new-agent-how");
        how.setItems(INVITE, ONE_TIME);
        var senders = agents.invitationSenders();
        sender.setId("new-agent-sender");
        sender.setItems(senders);
        sender.setItemLabelGenerator(ChannelAccountView::name);
        if (senders.isEmpty()) {
            how.setValue(ONE_TIME);
            how.setItemEnabledProvider(ONE_TIME::equals);
            sender.setHelperText("Invitations need an enabled email channel account.");
        } else {
            how.setValue(INVITE);
            sender.setValue(senders.getFirst());
        }
        sender.setVisible(INVITE.equals(how.getValue()));
        how.addValueChangeListener(e -> sender.setVisible(INVITE.equals(e.getValue())));
        problem.setId("new-agent-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        create.setId("create-agent");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        name.setWidthFull();
        email.setWidthFull();
        teams.setWidthFull();
        sender.setWidthFull();
        add(new VerticalLayout(name, email, roles, teams, how, sender, problem));
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void create() {
        NewAgent agent = new NewAgent(email.getValue(), name.getValue(), roles.getValue());
        try {
            Created created;
            if (INVITE.equals(how.getValue())) {
                created = new Created(agents.invite(agent, sender.getValue() == null ? null
                        : sender.getValue().id()), null);
            } else {
                var withPassword = agents.createWithOneTimePassword(agent);
                created = new Created(withPassword.agent(), withPassword.oneTimePassword());
            }
            teams.getValue().forEach(team -> teamService.addMember(team.id(), created.agent().id()));
            close();
            done.accept(created);
        } catch (AgentException | org.springframework.security.access.AccessDeniedException refused) {
            problem.setText(refused.getMessage());
            problem.setVisible(true);
        }
    }
}
