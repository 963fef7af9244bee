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
import java.util.stream.Collectors;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.customer.CustomerCard;
import org.switchboard.portal.customer.CustomerCards;
import org.switchboard.portal.customerdata.CustomerDataSources;

/** One page per customer: the customer 360 panel on its own. */
@Route("customers")
@RolesAllowed("AGENT")
public class CustomerView extends VerticalLayout implements HasUrlParameter<Long>, BeforeEnterObserver,
        HasDynamicTitle {

    final CustomerPanel panel;
    private final CustomerCards customers;
    private long customerId;
    private String title = "Customer";

    CustomerView(CustomerCards customers, ConversationQueries queries, CustomerDataSources dataSources,
            ChannelAccounts channels) {
        this.customers = customers;
        this.panel = new CustomerPanel(queries, dataSources, channels.list().stream()
                .collect(Collectors.toMap(ChannelAccountView::id, ChannelAccountView::name)));
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
        CustomerCard card = customers.card(customerId).orElse(null);
        if (card == null) {
            event.rerouteToError(IllegalArgumentException.class, "No such customer");
            return;
        }
        title = card.name() + " · Switchboard";
        panel.show(card);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
