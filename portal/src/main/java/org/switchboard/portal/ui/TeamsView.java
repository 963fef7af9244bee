package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.routing.AgentAvailability;
import org.switchboard.portal.routing.AssignmentMode;
import org.switchboard.portal.routing.Availability;
import org.switchboard.portal.routing.Capacities;
import org.switchboard.portal.routing.RoutingException;
import org.switchboard.portal.routing.TeamSettings;
import org.switchboard.portal.routing.Teams;

/**
 * Teams and who is in them. Admins create, rename and delete teams, choose how each assigns its conversations
 * (manually, round robin, least loaded) and whether an agent going offline hands theirs back, and set agents'
 * capacity; supervisors add and remove members and see everyone's availability live.
 */
@Route("admin/teams")
@PageTitle("Teams · Switchboard")
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class TeamsView extends VerticalLayout {

    final Grid<TeamSettings> teams = new Grid<>();
    final TextField newName = new TextField();
    final Button create = new Button("Create team");

    final VerticalLayout editor = new VerticalLayout();
    final H4 title = new H4();
    final TextField name = new TextField("Name");
    final Button rename = new Button("Rename");
    final ComboBox<AssignmentMode> mode = new ComboBox<>("Assignment");
    final Checkbox reassign = new Checkbox("When an agent goes offline, hand their conversations to the team");
    final Button saveRouting = new Button("Save assignment");
    final Button delete = new Button("Delete team");
    final Grid<AgentAvailability> members = new Grid<>();
    final ComboBox<AgentAvailability> candidate = new ComboBox<>("Add a member");
    final Button addMember = new Button("Add");
    Button confirmDelete;
    CapacityDialog capacityDialog;

    private final Teams service;
    private final Availability availability;
    private final Capacities capacities;
    private final boolean admin;
    private TeamSettings selected;
    private Runnable unsubscribe;

    TeamsView(Teams service, Availability availability, Capacities capacities, AuthenticationContext authentication) {
        this.service = service;
        this.availability = availability;
        this.capacities = capacities;
        this.admin = authentication.hasRole("ADMIN");
        setSizeFull();

        newName.setPlaceholder("New team name");
        newName.setId("new-team-name");
        create.setId("create-team");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> act(() -> {
            long id = service.create(newName.getValue()).id();
            newName.clear();
            refresh(id);
        }));
        HorizontalLayout creating = new HorizontalLayout(newName, create);
        creating.setVisible(admin);

        teams.setId("teams");
        teams.addColumn(TeamSettings::name).setHeader("Team").setFlexGrow(1);
        teams.addColumn(t -> t.mode().label()).setHeader("Assignment").setAutoWidth(true);
        teams.addColumn(t -> t.reassignOnOffline() ? "yes" : "no").setHeader("Reassign when offline")
                .setAutoWidth(true);
        teams.addColumn(TeamSettings::memberCount).setHeader("Members").setAutoWidth(true);
        teams.setAllRowsVisible(true);
        teams.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        buildEditor();
        refresh(null);
        add(new H3("Teams"), new Paragraph("Conversations routed to a team wait in its queue. A team that assigns "
                + "automatically gives each to a member who is online and below their capacity for the "
                + "conversation's channel."), creating, teams, editor);
    }

    private void buildEditor() {
        editor.setPadding(false);
        editor.setVisible(false);
        name.setId("team-name");
        rename.setId("rename-team");
        rename.addClickListener(e -> act(() -> {
            service.rename(selected.id(), name.getValue());
            refresh(selected.id());
        }));
        mode.setId("team-mode");
        mode.setItems(AssignmentMode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case MANUAL -> "Manual: agents take conversations";
            case ROUND_ROBIN -> "Round robin: members take turns";
            case LEAST_LOADED -> "Least loaded: fewest open conversations";
        });
        mode.setWidth("22em");
        saveRouting.setId("save-team-routing");
        saveRouting.addClickListener(e -> act(() -> {
            service.configure(selected.id(), mode.getValue() == null ? AssignmentMode.MANUAL : mode.getValue(),
                    reassign.getValue());
            refresh(selected.id());
            Notification.show("Saved");
        }));
        delete.setId("delete-team");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete());

        members.setId("team-members");
        members.addComponentColumn(m -> new Span(AvailabilityMenu.dot(new Span(), m.status()),
                new Span(m.status().label()))).setHeader("Availability").setAutoWidth(true);
        members.addColumn(AgentAvailability::displayName).setHeader("Name").setAutoWidth(true);
        members.addColumn(AgentAvailability::email).setHeader("Email").setFlexGrow(1);
        members.addComponentColumn(this::memberActions).setAutoWidth(true);
        members.setAllRowsVisible(true);

        candidate.setId("member-candidate");
        candidate.setItemLabelGenerator(a -> a.displayName() + " (" + a.email() + ")");
        candidate.setWidth("22em");
        addMember.setId("add-member");
        addMember.addClickListener(e -> act(() -> {
            if (candidate.getValue() == null) {
                throw new RoutingException("Choose an agent to add.");
            }
            service.addMember(selected.id(), candidate.getValue().agentId());
            candidate.clear();
            refresh(selected.id());
        }));

        HorizontalLayout naming = new HorizontalLayout(name, rename);
        HorizontalLayout routing = new HorizontalLayout(mode, reassign, saveRouting);
        for (HorizontalLayout row : List.of(naming, routing)) {
            row.setAlignItems(Alignment.BASELINE);
            row.setVisible(admin);
        }
        delete.setVisible(admin);
        HorizontalLayout adding = new HorizontalLayout(candidate, addMember);
        adding.setAlignItems(Alignment.BASELINE);
        editor.add(title, naming, routing, new H4("Members"), members, adding, delete);
    }

    private HorizontalLayout memberActions(AgentAvailability member) {
        Button remove = new Button("Remove", e -> act(() -> {
            service.removeMember(selected.id(), member.agentId());
            refresh(selected.id());
        }));
        remove.setId("remove-member-" + member.agentId());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout();
        if (admin) {
            Button capacity = new Button("Capacity", e -> {
                capacityDialog = new CapacityDialog(capacities, member);
                capacityDialog.open();
            });
            capacity.setId("capacity-" + member.agentId());
            capacity.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(capacity);
        }
        actions.add(remove);
        return actions;
    }

    private void confirmDelete() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete “" + selected.name() + "”?");
        dialog.add(new Paragraph("Its members and settings go. A team that still has conversations that are not "
                + "resolved, or that a triage rule routes to, cannot be deleted; resolved conversations lose it."));
        confirmDelete = new Button("Delete", e -> act(() -> {
            service.delete(selected.id());
            dialog.close();
            refresh(null);
        }));
        confirmDelete.setId("confirm-delete-team");
        confirmDelete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirmDelete);
        dialog.open();
    }

    /** Shows the teams and, when given, selects that one. */
    private void refresh(Long selectId) {
        List<TeamSettings> all = service.list();
        teams.setItems(all);
        TeamSettings match = selectId == null ? null
                : all.stream().filter(t -> t.id() == selectId).findFirst().orElse(null);
        if (match == null) {
            teams.asSingleSelect().clear();
            select(null);
        } else {
            teams.select(match);
            select(match);
        }
    }

    private void select(TeamSettings team) {
        selected = team;
        editor.setVisible(team != null);
        if (team == null) {
            return;
        }
        title.setText(team.name());
        name.setValue(team.name());
        mode.setValue(team.mode());
        reassign.setValue(team.reassignOnOffline());
        refreshMembers();
    }

    private void refreshMembers() {
        if (selected == null) {
            return;
        }
        List<AgentAvailability> current = service.members(selected.id());
        members.setItems(current);
        Set<Long> ids = current.stream().map(AgentAvailability::agentId).collect(Collectors.toSet());
        candidate.setItems(availability.agents().stream().filter(a -> !ids.contains(a.agentId())).toList());
    }

    /** Runs a change; bad input or a missing right shows its message and changes nothing. */
    private static void act(Runnable change) {
        try {
            change.run();
        } catch (RoutingException | AccessDeniedException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = availability.subscribe(change -> ui.access(this::refreshMembers));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
