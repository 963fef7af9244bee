package org.switchboard.portal.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.PermitAll;
import org.switchboard.portal.agent.CurrentAgent;

/** The frame around every signed-in view: navigation on the left, the user and sign-out on top. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final CurrentAgent currentAgent;

    MainLayout(CurrentAgent currentAgent, AccessAnnotationChecker access, NotificationBell bell) {
        this.currentAgent = currentAgent;
        var title = new Span("Switchboard");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

        var user = new Span(currentAgent.get().displayName());
        user.setId("current-user");
        var signOut = new Button("Sign out", e -> currentAgent.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var header = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(title);
        header.addComponentAtIndex(2, bell);
        header.addComponentAtIndex(2, AvailabilityMenu.create());
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        var nav = new SideNav();
        nav.addItem(new SideNavItem("Inbox", InboxView.class, VaadinIcon.INBOX.create()));
        nav.addItem(new SideNavItem("Possible duplicates", DuplicatesView.class, VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("Canned responses", CannedResponsesView.class,
                VaadinIcon.COMMENT_ELLIPSIS.create()));
        nav.addItem(access.hasAccess(DashboardView.class)
                ? new SideNavItem("Dashboards", DashboardView.class, VaadinIcon.CHART.create())
                : new SideNavItem("My figures", DashboardAgentsView.class, VaadinIcon.CHART.create()));
        if (access.hasAccess(PluginsView.class)) {
            nav.addItem(new SideNavItem("Plugins", PluginsView.class, VaadinIcon.PLUG.create()));
        }
        if (access.hasAccess(ChannelAccountsView.class)) {
            nav.addItem(new SideNavItem("Channel accounts", ChannelAccountsView.class,
                    VaadinIcon.CONNECT.create()));
        }
        if (access.hasAccess(CsatSettingsView.class)) {
            nav.addItem(new SideNavItem("Satisfaction surveys", CsatSettingsView.class, VaadinIcon.STAR.create()));
        }
        if (access.hasAccess(TriageRulesView.class)) {
            nav.addItem(new SideNavItem("Triage rules", TriageRulesView.class, VaadinIcon.FILTER.create()));
        }
        if (access.hasAccess(AutomationRulesView.class)) {
            nav.addItem(new SideNavItem("Automation", AutomationRulesView.class, VaadinIcon.COGS.create()));
        }
        if (access.hasAccess(SlaPoliciesView.class)) {
            nav.addItem(new SideNavItem("SLA policies", SlaPoliciesView.class, VaadinIcon.ALARM.create()));
            nav.addItem(new SideNavItem("Business hours", BusinessHoursView.class, VaadinIcon.CLOCK.create()));
        }
        if (access.hasAccess(AgentsView.class)) {
            nav.addItem(new SideNavItem("Users", AgentsView.class, VaadinIcon.USER.create()));
        }
        if (access.hasAccess(AuditLogView.class)) {
            nav.addItem(new SideNavItem("Audit log", AuditLogView.class, VaadinIcon.LIST_OL.create()));
        }
        if (access.hasAccess(TeamsView.class)) {
            nav.addItem(new SideNavItem("Teams", TeamsView.class, VaadinIcon.GROUP.create()));
        }
        if (access.hasAccess(AiModelsView.class)) {
            nav.addItem(new SideNavItem("AI models", AiModelsView.class, VaadinIcon.AUTOMATION.create()));
        }
        if (access.hasAccess(KnowledgeBaseView.class)) {
            nav.addItem(new SideNavItem("Knowledge base", KnowledgeBaseView.class, VaadinIcon.BOOK.create()));
        }
        if (access.hasAccess(CustomerAttributesView.class)) {
            nav.addItem(new SideNavItem("Customer attributes", CustomerAttributesView.class,
                    VaadinIcon.LIST.create()));
        }
        if (access.hasAccess(CustomerDataSourcesView.class)) {
            nav.addItem(new SideNavItem("Customer data", CustomerDataSourcesView.class,
                    VaadinIcon.DATABASE.create()));
        }
        if (access.hasAccess(RejectedDeliveriesView.class)) {
            nav.addItem(new SideNavItem("Rejected deliveries", RejectedDeliveriesView.class,
                    VaadinIcon.WARNING.create()));
        }
        addToDrawer(nav);
    }

    /** Nobody works with a one-time password: it is changed before any other view opens. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentAgent.get().passwordChangeRequired()
                && !ChangePasswordView.class.equals(event.getNavigationTarget())) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
