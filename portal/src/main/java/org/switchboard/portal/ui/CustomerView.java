package org.switchboard.portal.ui;

import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** One page per customer: the customer 360 panel on its own. */
@Route("customers")
@RolesAllowed("AGENT")
public class CustomerView extends VerticalLayout implements HasUrlParameter<Long>, BeforeEnterObserver,
        HasDynamicTitle {

    final CustomerPanel panel;
    private long customerId;
    private String title = "Customer";

    CustomerView(CustomerPanels panels) {
        this.panel = panels.create();
        setSizeFull();
        Scroller scroller = new Scroller(panel);
        scroller.setSizeFull();
        add(scroller);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        this.customerId = id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!panel.show(customerId)) {
            event.rerouteToError(IllegalArgumentException.class, "No such customer");
            return;
        }
        title = panel.customerName() + " · Switchboard";
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
