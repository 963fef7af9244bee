package org.switchboard.portal.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.switchboard.portal.ingest.RejectedDeliveries;
import org.switchboard.portal.ingest.RejectedDeliveryView;

/** Admins: deliveries refused as malformed, with headers and body as received, to see what a sender got wrong. */
@Route("admin/rejected-deliveries")
@PageTitle("Rejected deliveries · Switchboard")
@RolesAllowed("ADMIN")
public class RejectedDeliveriesView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    final Grid<RejectedDeliveryView> deliveries = new Grid<>();
    final Pre detail = new Pre();

    RejectedDeliveriesView(RejectedDeliveries rejected) {
        setSizeFull();
        deliveries.setId("rejected-deliveries");
        deliveries.addColumn(d -> TIME.format(d.receivedAt())).setHeader("Received").setAutoWidth(true);
        deliveries.addColumn(RejectedDeliveryView::channelAccountId).setHeader("Account").setAutoWidth(true);
        deliveries.addColumn(RejectedDeliveryView::status).setHeader("Status").setAutoWidth(true);
        deliveries.addColumn(RejectedDeliveryView::reason).setHeader("Reason").setFlexGrow(1);
        deliveries.addColumn(d -> d.method() + " " + d.subPath()).setHeader("Request").setAutoWidth(true);
        deliveries.setItems(rejected.latest(200));
        deliveries.asSingleSelect().addValueChangeListener(e -> detail.setText(e.getValue() == null ? ""
                : e.getValue().headers() + "\n\n" + rejected.body(e.getValue().id()).orElse("")));
        detail.setId("rejected-delivery-detail");
        detail.getStyle().set("white-space", "pre-wrap").set("max-height", "40vh").set("overflow", "auto");
        add(new H3("Rejected deliveries"), deliveries, detail);
    }
}
