package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;

/** The dashboards' heading and links between Overview, Channels and Agents (supervisors see all three). */
final class DashboardNav {

    private DashboardNav() {
    }

    static HorizontalLayout of(String heading, boolean supervisor) {
        H3 title = new H3(heading);
        HorizontalLayout nav = new HorizontalLayout(title);
        nav.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        if (supervisor) {
            nav.add(new RouterLink("Overview", DashboardView.class),
                    new RouterLink("Channels", DashboardChannelsView.class),
                    new RouterLink("Agents", DashboardAgentsView.class));
        }
        return nav;
    }
}
