package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.agent.AgentAdministration;
import org.switchboard.portal.agent.AgentException;
import org.switchboard.portal.agent.AgentState;
import org.switchboard.portal.agent.AgentSummary;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.routing.RoutingException;
import org.switchboard.portal.routing.TeamSummary;
import org.switchboard.portal.routing.Teams;

/**
 * Users (admins only): who they are, their roles and teams, whether they can sign in and when they last did. Admins
 * add users (invitation email or one-time password), change names, roles and teams, reset passwords, disable
 * (ending their sessions) and re-enable them.
 */
@Route("admin/agents")
@PageTitle("Users · Switchboard")
@RolesAllowed("ADMIN")
public class AgentsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    final Grid<AgentSummary> agents = new Grid<>();
    final Button add = new Button("Add user");
    final VerticalLayout editor = new VerticalLayout();
    final H4 title = new H4();
    final TextField name = new TextField("Name");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final MultiSelectComboBox<TeamSummary> teams = new MultiSelectComboBox<>("Teams");
    final Button save = new Button("Save");
    final Button disable = new Button("Disable");
    final Button enable = new Button("Enable");
    final Button resetPassword = new Button("Reset password");
    final Button resendInvitation = new Button("Send a new invitation");
    AgentsViewCreateDialog createDialog;
    Dialog passwordDialog;
    Span shownPassword;

    private final AgentAdministration service;
    private final Teams teamService;
    private AgentSummary selected;

    AgentsView(AgentAdministration service, Teams teamService) {
        this.service = service;
        this.teamService = teamService;
        setSizeFull();

        add.setId("add-agent");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> {
            createDialog = new AgentsViewCreateDialog(service, teamService, this::created);
            createDialog.open();
        });

        agents.setId("agents");
        agents.addColumn(AgentSummary::displayName).setHeader("Name").setAutoWidth(true).setSortable(true);
        agents.addColumn(AgentSummary::email).setHeader("Email").setFlexGrow(1);
        agents.addColumn(a -> a.roles().stream().sorted().map(AgentsView::label).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        agents.addColumn(a -> String.join(", ", a.teams())).setHeader("Teams").setAutoWidth(true);
        agents.addColumn(a -> a.state().label()).setHeader("State").setAutoWidth(true);
        agents.addColumn(a -> a.lastSignInAt() == null ? "never" : WHEN.format(a.lastSignInAt()))
                .setHeader("Last sign-in").setAutoWidth(true);
        agents.setAllRowsVisible(true);
        agents.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        buildEditor();
        refresh(null);
        add(new H3("Users"), new Paragraph("Agents answer conversations, supervisors also manage teams and "
                + "settings, admins also manage users, channels and plugins. A disabled user cannot sign in and "
                + "is signed out everywhere at once."), add, agents, editor);
    }

    static String label(Role role) {
        return switch (role) {
            case AGENT -> "Agent";
            case SUPERVISOR -> "Supervisor";
            case ADMIN -> "Admin";
        };
    }

    private void buildEditor() {
        editor.setPadding(false);
        editor.setVisible(false);
        name.setId("agent-name");
        roles.setId("agent-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(AgentsView::label);
        teams.setId("agent-teams");
        teams.setItemLabelGenerator(TeamSummary::name);
        teams.setWidth("22em");
        save.setId("save-agent");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> act(this::saveSelected, "Saved"));
        disable.setId("disable-agent");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disable.addClickListener(e -> act(() -> service.disable(selected.id()),
                selected.displayName() + " is disabled and signed out."));
        enable.setId("enable-agent");
        enable.addClickListener(e -> act(() -> service.enable(selected.id()), selected.displayName()
                + " can sign in again."));
        resetPassword.setId("reset-agent-password");
        resetPassword.addClickListener(e -> {
            String who = selected.displayName();
            act(() -> showPassword(who, service.resetWithOneTimePassword(selected.id())), null);
        });
        resendInvitation.setId("resend-invitation");
        resendInvitation.addClickListener(e -> resend());
        HorizontalLayout fields = new HorizontalLayout(name, roles, teams);
        fields.setAlignItems(Alignment.BASELINE);
        editor.add(title, fields, new HorizontalLayout(save, resetPassword, resendInvitation, disable, enable));
    }

    private void saveSelected() {
        long id = selected.id();
        service.update(id, name.getValue(), roles.getValue());
        Set<Long> wanted = teams.getValue().stream().map(TeamSummary::id).collect(Collectors.toSet());
        Set<Long> current = teamService.teamIdsOf(id);
        current.stream().filter(t -> !wanted.contains(t)).forEach(t -> teamService.removeMember(t, id));
        wanted.stream().filter(t -> !current.contains(t)).forEach(t -> teamService.addMember(t, id));
    }

    private void resend() {
        List<ChannelAccountView> senders = service.invitationSenders();
        if (senders.isEmpty()) {
            error("Invitations need an enabled email channel account.");
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New invitation for " + selected.displayName());
        ComboBox<ChannelAccountView> sender = new ComboBox<>("Send from email account", senders);
        sender.setItemLabelGenerator(ChannelAccountView::name);
        sender.setValue(senders.getFirst());
        Button send = new Button("Send", e -> act(() -> {
            service.resendInvitation(selected.id(), sender.getValue() == null ? null : sender.getValue().id());
            dialog.close();
        }, "Invitation sent to " + selected.email()));
        send.setId("send-invitation");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Earlier invitation links stop working."), sender);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.open();
    }

    private void created(AgentsViewCreateDialog.Created created) {
        refresh(created.agent().id());
        if (created.oneTimePassword() == null) {
            Notification.show("Invitation sent to " + created.agent().email());
        } else {
            showPassword(created.agent().displayName(), created.oneTimePassword());
        }
    }

    /** The one-time password, shown once: it is stored only hashed and cannot be shown again. */
    private void showPassword(String who, String password) {
        passwordDialog = new Dialog();
        passwordDialog.setHeaderTitle("One-time password for " + who);
        shownPassword = new Span(password);
        shownPassword.setId("one-time-password");
        shownPassword.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        passwordDialog.add(new Paragraph("Hand it over securely. It is shown only now; they choose their own "
                + "password when they first sign in."), shownPassword);
        passwordDialog.getFooter().add(new Button("Done", e -> passwordDialog.close()));
        passwordDialog.open();
    }

    private void refresh(Long selectId) {
        List<AgentSummary> all = service.list();
        agents.setItems(all);
        AgentSummary match = selectId == null ? null
                : all.stream().filter(a -> a.id() == selectId).findFirst().orElse(null);
        if (match == null) {
            agents.asSingleSelect().clear();
        } else {
            agents.select(match);
        }
        select(match);
    }

    private void select(AgentSummary agent) {
        selected = agent;
        editor.setVisible(agent != null);
        if (agent == null) {
            return;
        }
        title.setText(agent.displayName() + " · " + agent.email());
        name.setValue(agent.displayName());
        roles.setValue(agent.roles());
        List<TeamSummary> allTeams = teamService.listTeams();
        teams.setItems(allTeams);
        Set<Long> own = teamService.teamIdsOf(agent.id());
        teams.setValue(allTeams.stream().filter(t -> own.contains(t.id())).collect(Collectors.toSet()));
        boolean enabled = agent.state() != AgentState.DISABLED;
        disable.setVisible(enabled);
        enable.setVisible(!enabled);
        resendInvitation.setVisible(enabled && agent.lastSignInAt() == null);
    }

    /** Runs a change; bad input or a missing right shows its message and changes nothing. */
    private void act(Runnable change, String success) {
        Long keep = selected == null ? null : selected.id();
        try {
            change.run();
            if (success != null) {
                Notification.show(success);
            }
        } catch (AgentException | RoutingException | AccessDeniedException problem) {
            error(problem.getMessage());
        }
        refresh(keep);
    }

    private static void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
