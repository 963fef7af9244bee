package org.switchboard.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every route of the portal, found by scanning the classpath, declares who may open it; agents reach only the
 * agents' views, nobody unauthenticated reaches more than the sign-in and invitation pages. A new view without an
 * access annotation, or an admin view opened to agents, fails here.
 */
class RouteAccessTest {

    /** What a signed-in agent (no other role) may open: the agents' dashboard shows them only their own figures. */
    static final Set<String> AGENT_ROUTES = Set.of("InboxView", "ConversationView", "CustomerView",
            "DuplicatesView", "CannedResponsesView", "ChangePasswordView", "LoginView", "InvitationView",
            "DashboardAgentsView");

    /** What supervisors may open on top of that. */
    static final Set<String> SUPERVISOR_ROUTES = Set.of("TeamsView", "AutomationRulesView", "SlaPoliciesView",
            "BusinessHoursView", "DashboardView", "DashboardChannelsView");

    /** What anyone may open without signing in. */
    static final Set<String> ANONYMOUS_ROUTES = Set.of("LoginView", "InvitationView");

    final AccessAnnotationChecker checker = new AccessAnnotationChecker();
    final Principal someone = () -> "someone@example.test";

    @Test
    void every_route_declares_its_access_deliberately() {
        List<Class<?>> routes = routes();
        assertThat(routes).hasSizeGreaterThan(15);

        for (Class<?> route : routes) {
            long declared = Stream.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class)
                    .filter(route::isAnnotationPresent).count();
            assertThat(declared).as("%s declares exactly one of @RolesAllowed, @PermitAll, @AnonymousAllowed, "
                    + "@DenyAll", route.getName()).isEqualTo(1);
        }
    }

    @Test
    void an_agent_is_denied_every_admin_and_supervisor_route() {
        Set<String> agentMay = routes().stream().filter(r -> checker.hasAccess(r, someone, "AGENT"::equals))
                .map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(agentMay).containsExactlyInAnyOrderElementsOf(AGENT_ROUTES);
        for (Class<?> route : routes()) {
            if (route.getAnnotation(Route.class).value().startsWith("admin/")) {
                assertThat(checker.hasAccess(route, someone, "AGENT"::equals)).as(route.getName()).isFalse();
            }
        }
    }

    @Test
    void a_supervisor_gets_the_supervisor_routes_and_an_admin_all() {
        Set<String> supervisorMay = routes().stream()
                .filter(r -> checker.hasAccess(r, someone, Set.of("AGENT", "SUPERVISOR")::contains))
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(supervisorMay).containsExactlyInAnyOrderElementsOf(Stream.concat(AGENT_ROUTES.stream(),
                SUPERVISOR_ROUTES.stream()).toList());

        assertThat(routes()).allMatch(r -> checker.hasAccess(r, someone, Set.of("AGENT", "SUPERVISOR",
                "ADMIN")::contains) || r.isAnnotationPresent(DenyAll.class));
        assertThat(routes().stream().filter(r -> r.getSimpleName().equals("AgentsView")
                || r.getSimpleName().equals("AuditLogView"))).hasSize(2).allMatch(r -> !checker.hasAccess(r,
                        someone, Set.of("AGENT", "SUPERVISOR")::contains));
    }

    @Test
    void without_signing_in_only_the_sign_in_and_invitation_pages_open() {
        Set<String> anonymousMay = routes().stream().filter(r -> checker.hasAccess(r, null, role -> false))
                .map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(anonymousMay).containsExactlyInAnyOrderElementsOf(ANONYMOUS_ROUTES);
    }

    static List<Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("org.switchboard.portal").stream().<Class<?>>map(definition -> {
            try {
                return (Class<?>) Class.forName(definition.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
