package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.routing.AgentAvailability;
import org.switchboard.portal.routing.AssignmentMode;
import org.switchboard.portal.routing.Availability;
import org.switchboard.portal.routing.AvailabilityStatus;
import org.switchboard.portal.routing.Capacities;
import org.switchboard.portal.routing.TeamSettings;
import org.switchboard.portal.routing.Teams;

/** Admins run teams in the UI; names are checked; the agent's availability follows the navbar and the session. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class TeamsViewTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    Teams teams;
    @Autowired
    AgentDirectory agents;
    @Autowired
    Availability availability;
    @Autowired
    Capacities capacities;
    @Autowired
    AuditLog audit;

    @Test
    void an_admin_creates_a_team_adds_a_member_makes_it_round_robin_and_sets_the_members_capacity() {
        String name = "Billing " + UUID.randomUUID();
        long agent = agents.create("rita-" + UUID.randomUUID() + "@example.test", "Rita Router",
                "a long enough password", Set.of(Role.AGENT)).id();
        TeamsView view = navigate(TeamsView.class);

        test(view.newName).setValue(name);
        test(view.create).click();
        TeamSettings created = teams.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(view.teams.getListDataView().getItems().map(TeamSettings::name)).contains(name);
        assertThat(view.editor.isVisible()).as("the new team is selected").isTrue();

        AgentAvailability rita = view.candidate.getListDataView().getItems().filter(a -> a.agentId() == agent)
                .findFirst().orElseThrow();
        test(view.candidate).selectItem(rita.displayName() + " (" + rita.email() + ")");
        test(view.addMember).click();
        assertThat(teams.members(created.id())).extracting(AgentAvailability::agentId).containsExactly(agent);
        assertThat(view.members.getListDataView().getItems().map(AgentAvailability::status))
                .containsExactly(AvailabilityStatus.OFFLINE);
        assertThat(teams.teamIdsOf(agent)).containsExactly(created.id());

        test(view.mode).selectItem("Round robin: members take turns");
        test(view.reassign).click();
        test(view.saveRouting).click();
        assertThat(teams.settings(created.id())).satisfies(t -> {
            assertThat(t.mode()).isEqualTo(AssignmentMode.ROUND_ROBIN);
            assertThat(t.reassignOnOffline()).isTrue();
        });

        // The capacity button of Rita's row opens the dialog; set two web chats.
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(view.members).getCellComponent(0,
                3);
        test((com.vaadin.flow.component.button.Button) actions.getComponentAt(0)).click();
        roundTrip();
        view.capacityDialog.limits.get("webchat").setValue(2);
        test(view.capacityDialog.save).click();
        assertThat(capacities.of(agent)).containsExactly(Map.entry("webchat", 2));

        assertThat(audit.latest(Teams.AUDIT_CREATED, 20)).anySatisfy(e -> assertThat(e.getTarget())
                .isEqualTo("team:" + created.id()));
        assertThat(audit.latest(Teams.AUDIT_MEMBER_ADDED, 20)).anySatisfy(e -> assertThat(e.getDetail())
                .isEqualTo(rita.email()));
        assertThat(audit.latest(Teams.AUDIT_ROUTING_CHANGED, 20)).anySatisfy(e -> assertThat(e.getDetail())
                .isEqualTo("manual -> round robin, reassign when offline"));
        assertThat(audit.latest(Capacities.AUDIT_CHANGED, 20)).anySatisfy(e -> assertThat(e.getTarget())
                .isEqualTo("agent:" + agent));
    }

    @Test
    void a_duplicate_or_empty_name_is_refused_with_a_message_and_nothing_is_created() {
        String name = "Returns " + UUID.randomUUID();
        teams.create(name);
        int before = teams.list().size();
        TeamsView view = navigate(TeamsView.class);

        test(view.newName).setValue(name.toUpperCase());
        test(view.create).click();
        assertThat(lastNotification()).isEqualTo("A team named “" + name + "” exists already.");

        test(view.newName).setValue("   ");
        test(view.create).click();
        assertThat(lastNotification()).isEqualTo("A team needs a name.");
        assertThat(teams.list()).hasSize(before);
    }

    @Test
    void a_team_is_renamed_and_deleted_once_confirmed() {
        String name = "Old name " + UUID.randomUUID();
        long id = teams.create(name).id();
        TeamsView view = navigate(TeamsView.class);
        TeamSettings row = view.teams.getListDataView().getItems().filter(t -> t.id() == id).findFirst().orElseThrow();
        test(view.teams).select(view.teams.getListDataView().getItems().toList().indexOf(row));

        String renamed = "New name " + UUID.randomUUID();
        test(view.name).setValue(renamed);
        test(view.rename).click();
        assertThat(teams.settings(id).name()).isEqualTo(renamed);

        test(view.delete).click();
        roundTrip();
        test(view.confirmDelete).click();
        assertThat(teams.listTeams()).noneMatch(t -> t.id() == id);
        assertThat(view.editor.isVisible()).isFalse();
    }

    @Test
    void the_navbar_sets_the_agents_availability_and_the_end_of_the_session_makes_them_offline()
            throws InterruptedException {
        long admin = agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
        TeamsView view = navigate(TeamsView.class);
        AvailabilityMenu menu = $(AvailabilityMenu.class).single();
        assertThat(availability.of(admin)).as("a signed-in session makes the agent available")
                .isEqualTo(AvailabilityStatus.ONLINE);

        test(menu.status).selectItem("Away");
        assertThat(availability.of(admin)).isEqualTo(AvailabilityStatus.AWAY);
        assertThat(view.isAttached()).isTrue();

        // As when the servlet session ends (sign-out invalidates it, or it expires): Vaadin destroys its session.
        // The servlet container ends a session on its own thread (sign-out invalidates it, or it expires); the test
        // thread holds the session lock, so the destroy listeners queue up and run here. (The browserless
        // environment then opens a fresh session for the same user at once, which signs them in again: so the
        // change to OFFLINE is observed as it is announced.)
        List<AvailabilityStatus> announced = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = availability.subscribe(change -> {
            if (change.agentId() == admin) {
                announced.add(change.status());
            }
        });
        try {
            VaadinSession session = VaadinSession.getCurrent();
            Thread container = new Thread(() -> session.getService().fireSessionDestroy(session));
            container.start();
            container.join();
            session.getService().runPendingAccessTasks(session);
            Await.until("the end of the session is announced", () -> announced.contains(AvailabilityStatus.OFFLINE));
        } finally {
            unsubscribe.run();
        }
    }

    private String lastNotification() {
        return test($(Notification.class).last()).getText();
    }
}
