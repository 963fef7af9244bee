package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.AsSystem;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentAdministration;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentState;
import org.switchboard.portal.agent.AgentSummary;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditEntry;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.audit.AuditQuery;

/** The users and audit log views as an admin drives them, and what an agent gets when trying to open admin views. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class UsersViewsTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    AgentDirectory directory;

    @Autowired
    AgentAdministration administration;

    @Autowired
    AuditLog audit;

    @Test
    void an_admin_adds_a_user_with_a_one_time_password_shown_once_and_disables_them() {
        String email = "view-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        AgentsView view = navigate(AgentsView.class);

        test(view.add).click();
        roundTrip();
        AgentsViewCreateDialog dialog = view.createDialog;
        assertThat(dialog.how.getValue()).isEqualTo(AgentsViewCreateDialog.ONE_TIME); // no email account yet
        test(dialog.name).setValue("Vera View");
        test(dialog.email).setValue(email);
        test(dialog.roles).selectItem("Supervisor");
        test(dialog.create).click();
        roundTrip();

        String shown = view.shownPassword.getText();
        assertThat(shown).hasSizeGreaterThanOrEqualTo(12);
        AgentSummary row = rowOf(view, email);
        assertThat(row.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(row.state()).isEqualTo(AgentState.ONE_TIME_PASSWORD);
        assertThat(row.lastSignInAt()).isNull();
        directory.changePassword(email, shown, "vera chose her own password");

        view.agents.select(row);
        roundTrip();
        test(view.disable).click();
        roundTrip();
        assertThat(rowOf(view, email).state()).isEqualTo(AgentState.DISABLED);
        assertThat(view.enable.isVisible()).isTrue();
    }

    @Test
    void bad_input_in_the_add_dialog_is_shown_and_creates_nobody() {
        AgentsView view = navigate(AgentsView.class);
        int before = view.agents.getListDataView().getItemCount();

        test(view.add).click();
        roundTrip();
        test(view.createDialog.name).setValue("Admin Again");
        test(view.createDialog.email).setValue(TestData.ADMIN_EMAIL);
        test(view.createDialog.create).click();

        assertThat(view.createDialog.problem.getText()).isEqualTo("A user with this email exists.");
        assertThat(administration.list()).hasSize(before);
    }

    @Test
    void the_audit_log_filters_by_actor_action_and_day_and_exports_what_it_shows_as_csv() throws Exception {
        String marker = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        audit.record("robot@" + marker + ".test", "test.tricky", "target, with comma",
                "say \"hi\"\nsecond line");
        audit.record("robot@" + marker + ".test", "test.formula", null, "=HYPERLINK(\"http://evil\")");
        audit.record("someone.else@example.test", "test.tricky", null, "not by the robot");
        AuditLogView view = navigate(AuditLogView.class);

        test(view.actor).setValue("ROBOT@" + marker);
        assertThat(view.total.getText()).isEqualTo("2 entries");
        test(view.action).selectItem("test.tricky");
        assertThat(view.total.getText()).isEqualTo("1 entry");
        List<AuditEntry> shown = view.entries.getLazyDataView().getItems().toList();
        assertThat(shown).extracting(AuditEntry::getDetail).containsExactly("say \"hi\"\nsecond line");
        test(view.to).setValue(java.time.LocalDate.now().minusDays(2));
        assertThat(view.total.getText()).isEqualTo("0 entries");
        view.to.clear();
        test(view.from).setValue(java.time.LocalDate.now().minusDays(1));
        assertThat(view.total.getText()).isEqualTo("1 entry");

        view.action.clear();
        StringWriter csv = new StringWriter();
        audit.exportCsv(view.query(), csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("occurred_at,actor,action,target,detail");
        assertThat(csv.toString()).contains(",robot@" + marker + ".test,test.formula,,\"'=HYPERLINK(\"\"http://evil"
                + "\"\")\"\r\n");
        assertThat(csv.toString()).contains(",robot@" + marker + ".test,test.tricky,\"target, with comma\","
                + "\"say \"\"hi\"\"\nsecond line\"\r\n");
        assertThat(csv.toString()).doesNotContain("not by the robot");
        assertThat(csv.toString().indexOf("test.formula")).as("newest first")
                .isLessThan(csv.toString().indexOf("test.tricky"));
    }

    @Test
    @WithMockUser(username = "agent@example.test", roles = "AGENT")
    void an_agent_is_refused_every_admin_view_and_the_services_behind_them() {
        directory.findByEmail("agent@example.test").orElseGet(() -> AsSystem.call(() -> directory.create(
                "agent@example.test", "Agent Avery", "avery has a long password", Set.of(Role.AGENT))));
        for (Class<? extends Component> route : adminRoutes()) {
            assertThatThrownBy(() -> navigate(route)).as(route.getSimpleName())
                    .hasMessageContaining("unexpected class");
            assertThat(getCurrentView()).as(route.getSimpleName()).isNotInstanceOf(route);
        }
        assertThatThrownBy(() -> administration.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.search(AuditQuery.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.exportCsv(AuditQuery.ALL, new StringWriter()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Component>> adminRoutes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<? extends Component>> routes = scanner.findCandidateComponents("org.switchboard.portal").stream()
                .<Class<? extends Component>>map(d -> {
                    try {
                        return (Class<? extends Component>) Class.forName(d.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(c -> c.getAnnotation(Route.class).value().startsWith("admin/")).toList();
        assertThat(routes).hasSizeGreaterThan(10);
        return routes;
    }

    private static AgentSummary rowOf(AgentsView view, String email) {
        return view.agents.getListDataView().getItems().filter(a -> a.email().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + email));
    }
}
